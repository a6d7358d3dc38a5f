using System.Data.Common;
using System.Globalization;

namespace CourseKit.Tuning;

public abstract partial class SqlStudyStorage
{
    /// <inheritdoc />
    public TrialSlot? StartTrial(int studyId, DateTime now, int? positions = null)
    {
        // A reply lost with the connection may hide a commit: the token lets the retry find the trial it already made.
        string token = Guid.NewGuid().ToString("N");
        return Write((c, attempt) =>
        {
            if (attempt > 1 && Slot(c, studyId, "token=@k", ("@k", token)) is { } made) return made;
            int seed = LockStudy(c, studyId);
            var waiting = Query(c, "SELECT number FROM trials WHERE study_id=@i AND state='Waiting' ORDER BY number LIMIT 1", r => Convert.ToInt32(r.GetValue(0)), ("@i", studyId));
            if (waiting.Count > 0)
            {
                Exec(c, "UPDATE trials SET state='Running', started=@t, heartbeat=@t, token=@k WHERE study_id=@i AND number=@n",
                    ("@t", Ms(now)), ("@k", token), ("@i", studyId), ("@n", waiting[0]));
                return Slot(c, studyId, "number=@n", ("@n", waiting[0]));
            }
            int position = Count(c, "SELECT COUNT(*) FROM trials WHERE study_id=@i AND retry_of IS NULL", studyId);
            if (position >= positions) return null;
            int number = Count(c, "SELECT COUNT(*) FROM trials WHERE study_id=@i", studyId);
            Exec(c, "INSERT INTO trials(study_id, number, position, token, state, seed, started, heartbeat) VALUES(@i, @n, @p, @k, 'Running', @s, @t, @t)",
                ("@i", studyId), ("@n", number), ("@p", position), ("@k", token), ("@s", Seeds.Trial(seed, number)), ("@t", Ms(now)));
            return new TrialSlot(number, position, Seeds.Trial(seed, number), new Dictionary<string, double>(), null);
        });
    }

    /// <inheritdoc />
    public bool FinishTrial(int studyId, int number, TrialState state, double? value, DateTime now) => Write((c, _) =>
    {
        if (Exec(c, "UPDATE trials SET state=@s, value=@v, finished=@t WHERE study_id=@i AND number=@n AND state='Running'",
                ("@s", state.ToString()), ("@v", value), ("@t", Ms(now)), ("@i", studyId), ("@n", number)) == 1) return true;
        // Already final: success only if it is this very call, repeated after its reply was lost.
        return Query(c, "SELECT state, value, finished FROM trials WHERE study_id=@i AND number=@n",
                r => r.GetString(0) == state.ToString() && (r.IsDBNull(1) ? null : r.GetDouble(1)) == value && !r.IsDBNull(2) && r.GetInt64(2) == Ms(now),
                ("@i", studyId), ("@n", number)).FirstOrDefault();
    });

    /// <inheritdoc />
    public IReadOnlyList<int> FailStaleTrials(int studyId, TimeSpan timeout, DateTime now, int maxRetries = 0) => Write((c, _) =>
    {
        long limit = Ms(now) - (long)timeout.TotalMilliseconds;
        const string staleSql = "SELECT number FROM trials WHERE study_id=@i AND state='Running' AND heartbeat < @l ORDER BY number";
        if (Scalar(c, staleSql + " LIMIT 1", ("@i", studyId), ("@l", limit)) is null) return (IReadOnlyList<int>)[];
        // The study first, then its trials, as StartTrial does: one lock order, no deadlock. Re-queued trials take numbers.
        LockStudy(c, studyId);
        var stale = Query(c, staleSql + ForUpdate, r => Convert.ToInt32(r.GetValue(0)), ("@i", studyId), ("@l", limit));
        foreach (int n in stale)
        {
            Exec(c, "UPDATE trials SET state='Failed', finished=@t WHERE study_id=@i AND number=@n", ("@t", Ms(now)), ("@i", studyId), ("@n", n));
            SetAttribute(c, studyId, n, SystemAttributes.Error, InMemoryStorage.StaleReason(timeout));
            var attrs = Query(c, "SELECT key, value FROM trial_attrs WHERE study_id=@i AND number=@n", r => (r.GetString(0), r.GetString(1)), ("@i", studyId), ("@n", n))
                .ToDictionary(x => x.Item1, x => x.Item2);
            int retries = InMemoryStorage.RetriesOf(attrs);
            if (retries < maxRetries) Requeue(c, studyId, n, retries + 1, now);
        }
        return stale;
    });

    private void Requeue(DbConnection c, int studyId, int failed, int retries, DateTime now)
    {
        int number = Count(c, "SELECT COUNT(*) FROM trials WHERE study_id=@i", studyId);
        Exec(c, "INSERT INTO trials(study_id, number, position, retry_of, state, seed, started) " +
                "SELECT study_id, @m, position, number, 'Waiting', seed, @t FROM trials WHERE study_id=@i AND number=@n",
            ("@m", number), ("@t", Ms(now)), ("@i", studyId), ("@n", failed));
        Exec(c, "INSERT INTO trial_params(study_id, number, name, value, distribution) " +
                "SELECT study_id, @m, name, value, distribution FROM trial_params WHERE study_id=@i AND number=@n",
            ("@m", number), ("@i", studyId), ("@n", failed));
        SetAttribute(c, studyId, number, SystemAttributes.RetryOf, failed.ToString(CultureInfo.InvariantCulture));
        SetAttribute(c, studyId, number, SystemAttributes.Retries, retries.ToString(CultureInfo.InvariantCulture));
    }

    private static TrialSlot? Slot(DbConnection c, int studyId, string where, params (string, object?)[] args)
    {
        var rows = Query(c, $"SELECT number, position, seed, retry_of FROM trials WHERE study_id=@i AND {where}",
            r => (N: Convert.ToInt32(r.GetValue(0)), P: Convert.ToInt32(r.GetValue(1)), S: Convert.ToInt32(r.GetValue(2)), R: r.IsDBNull(3) ? (int?)null : Convert.ToInt32(r.GetValue(3))),
            [("@i", studyId), .. args]);
        if (rows.Count == 0) return null;
        var t = rows[0];
        var fixedParams = Query(c, "SELECT name, value FROM trial_params WHERE study_id=@i AND number=@n", r => (r.GetString(0), r.GetDouble(1)), ("@i", studyId), ("@n", t.N))
            .ToDictionary(x => x.Item1, x => x.Item2);
        return new TrialSlot(t.N, t.P, t.S, fixedParams, t.R);
    }

    private static int Count(DbConnection c, string sql, int studyId) => Convert.ToInt32(Scalar(c, sql, ("@i", studyId)));

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> Trials(int studyId) => Read(c => ReadTrials(c, studyId, null));

    /// <inheritdoc />
    public TrialRecord Trial(int studyId, int number) => Read(c => ReadTrials(c, studyId, number)) is [var t] ? t
        : throw new InvalidOperationException($"trial {number}: no such trial in study {studyId}.");

    /// <inheritdoc />
    public bool FinishedBefore(int studyId, int number) =>
        Read(c => Scalar(c, "SELECT 1 FROM trials WHERE study_id=@i AND number < @n AND state='Running' LIMIT 1", ("@i", studyId), ("@n", number))) is null;

    private static List<TrialRecord> ReadTrials(DbConnection c, int studyId, int? number)
    {
        string only = number is null ? "" : " AND number=@n";
        var p = new[] { ("@i", (object?)studyId), ("@n", (object?)number) }[..(number is null ? 1 : 2)];
        var parameters = Query(c, "SELECT number, name, value, distribution FROM trial_params WHERE study_id=@i" + only,
            r => (N: Convert.ToInt32(r.GetValue(0)), Name: r.GetString(1), Value: r.GetDouble(2), Dist: r.GetString(3)), p).ToLookup(x => x.N);
        var values = Query(c, "SELECT number, step, value FROM trial_values WHERE study_id=@i" + only,
            r => (N: Convert.ToInt32(r.GetValue(0)), Step: Convert.ToInt32(r.GetValue(1)), Value: r.GetDouble(2)), p).ToLookup(x => x.N);
        var attrs = Query(c, "SELECT number, key, value FROM trial_attrs WHERE study_id=@i" + only,
            r => (N: Convert.ToInt32(r.GetValue(0)), Key: r.GetString(1), Value: r.GetString(2)), p).ToLookup(x => x.N);
        var cache = new Dictionary<string, Distribution>();
        return Query(c, "SELECT number, state, value, seed, started, finished, heartbeat FROM trials WHERE study_id=@i" + only + " ORDER BY number", r => new TrialRecord
        {
            Number = Convert.ToInt32(r.GetValue(0)), State = Enum.Parse<TrialState>(r.GetString(1)), Value = r.IsDBNull(2) ? null : r.GetDouble(2),
            Seed = Convert.ToInt32(r.GetValue(3)), Started = Time(r.GetInt64(4)), Finished = r.IsDBNull(5) ? null : Time(r.GetInt64(5)),
            Heartbeat = r.IsDBNull(6) ? null : Time(r.GetInt64(6)),
        }, p).Select(t => t with
        {
            InternalParams = parameters[t.Number].ToDictionary(x => x.Name, x => x.Value),
            Distributions = parameters[t.Number].ToDictionary(x => x.Name, x => cache.TryGetValue(x.Dist, out var d) ? d : cache[x.Dist] = Distribution.FromJson(x.Dist)),
            Intermediate = new SortedDictionary<int, double>(values[t.Number].ToDictionary(x => x.Step, x => x.Value)),
            Attributes = attrs[t.Number].ToDictionary(x => x.Key, x => x.Value),
        }).ToList();
    }
}
