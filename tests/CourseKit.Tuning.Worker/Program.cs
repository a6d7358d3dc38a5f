using System.Globalization;
using CourseKit.Tuning;

// Usage: CourseKit.Tuning.Worker <db> <study> <trials> <run|hang> [lag]
//   run:  joins (or creates) the study and runs <trials> trials of a cheap objective, printing "DONE <numbers>".
//   hang: starts one trial, reports a value, prints "RUNNING <number>" and waits forever (the test kills it).
string db = args[0], name = args[1], mode = args[3];
int trials = int.Parse(args[2], CultureInfo.InvariantCulture);
int lag = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;
using var storage = new SqliteStorage(db);
var study = Study.CreateOrLoad(name, storage, Direction.Minimize, new RandomSampler(), seed: 7);
study.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
study.HeartbeatTimeout = TimeSpan.FromSeconds(3);
if (mode == "hang")
{
    var trial = study.Ask();
    trial.Float("x", -1, 1);
    trial.Report(0, 1.0);
    Console.WriteLine($"RUNNING {trial.Number}");
    Console.Out.Flush();
    Thread.Sleep(Timeout.Infinite);
}
var done = study.Optimize(t =>
{
    double x = t.Float("x", -1, 1), y = t.Float("y", -1, 1);
    for (int step = 0; step < 3; step++) t.Report(step, x * x + y * y + step);
    Thread.Sleep(5);
    return x * x + y * y;
}, trials, new OptimizeOptions { Lag = lag });
Console.WriteLine("DONE " + string.Join(",", done.Select(t => t.Number)));
