using CourseKit.Tests.Support;
using CourseKit.Tuning;
using Microsoft.Data.Sqlite;

namespace CourseKit.Tests.Tuning.Storage;

/// <summary>Study files written by CourseKit before schema version 2 open, upgraded in place.</summary>
public class SqliteUpgradeTests
{
    // The version-1 schema as CourseKit wrote it, and two trials of a study in it.
    private const string Version1 = """
        CREATE TABLE coursekit_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE studies(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, direction TEXT NOT NULL, seed INTEGER NOT NULL, created INTEGER NOT NULL);
        CREATE TABLE study_params(study_id INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, distribution TEXT NOT NULL, PRIMARY KEY(study_id, name));
        CREATE TABLE trials(study_id INTEGER NOT NULL, number INTEGER NOT NULL, state TEXT NOT NULL, value REAL, seed INTEGER NOT NULL, started INTEGER NOT NULL, finished INTEGER, heartbeat INTEGER, PRIMARY KEY(study_id, number));
        CREATE TABLE trial_params(study_id INTEGER NOT NULL, number INTEGER NOT NULL, name TEXT NOT NULL, value REAL NOT NULL, distribution TEXT NOT NULL, PRIMARY KEY(study_id, number, name));
        CREATE TABLE trial_values(study_id INTEGER NOT NULL, number INTEGER NOT NULL, step INTEGER NOT NULL, value REAL NOT NULL, PRIMARY KEY(study_id, number, step));
        CREATE TABLE trial_attrs(study_id INTEGER NOT NULL, number INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(study_id, number, key));
        INSERT INTO coursekit_meta VALUES('format', 'coursekit-tuning'), ('version', '1');
        INSERT INTO studies VALUES(1, 'old', 'Minimize', 7, 1700000000000);
        INSERT INTO study_params VALUES(1, 0, 'x', '{"type":"float","low":0,"high":1,"scale":"Linear","step":null}');
        INSERT INTO trials VALUES(1, 0, 'Complete', 0.25, 11, 1700000000000, 1700000001000, 1700000001000);
        INSERT INTO trials VALUES(1, 1, 'Complete', 0.5, 12, 1700000002000, 1700000003000, 1700000003000);
        INSERT INTO trial_params VALUES(1, 0, 'x', 0.25, '{"type":"float","low":0,"high":1,"scale":"Linear","step":null}');
        INSERT INTO trial_params VALUES(1, 1, 'x', 0.5, '{"type":"float","low":0,"high":1,"scale":"Linear","step":null}');
        """;

    private static void Run(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void A_version_1_study_file_is_upgraded_in_place_and_the_study_goes_on()
    {
        using var temp = new TempFolder();
        string path = temp.File("old.db");
        Run(path, Version1);
        using (var storage = new SqliteStorage(path))
        {
            var study = Study.Load("old", storage, new RandomSampler());
            Assert.Equal([0.25, 0.5], study.Trials.Select(t => t.Value!.Value));
            Assert.Equal(0.25, study.BestValue);
            var slot = storage.StartTrial(study.Id, DateTime.UtcNow)!;
            Assert.Equal((2, 2, Seeds.Trial(7, 2)), (slot.Number, slot.Position, slot.Seed));
        }
        using var again = new SqliteStorage(path);  // upgraded once: opening again changes nothing
        Assert.Equal(3, Study.Load("old", again).Trials.Count);
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM coursekit_meta WHERE key='version'";
        Assert.Equal("2", cmd.ExecuteScalar());
    }

    [Fact]
    public void A_study_file_of_a_newer_version_is_refused_and_left_untouched()
    {
        using var temp = new TempFolder();
        string path = temp.File("new.db");
        Run(path, Version1 + "UPDATE coursekit_meta SET value='3' WHERE key='version';");
        byte[] before = File.ReadAllBytes(path);
        var e = Assert.Throws<InvalidDataException>(() => new SqliteStorage(path));
        Assert.Contains("actual coursekit-tuning version 3 (written by a newer CourseKit?)", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
