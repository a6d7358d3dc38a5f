#:project ../src/CourseKit/CourseKit.csproj
// A tuning worker: start it on as many machines (and as many times on each) as you like, all with the same storage
// URL; each joins the study by name and runs trials until the study has enough. Nothing else coordinates them.
//
//   dotnet run examples/tuning-worker.cs -- postgresql://tuner@db.example.org:5432/studies digits-lr 20
//   dotnet run examples/tuning-worker.cs -- sqlite:///tuning.db digits-lr 20          (several processes, one machine)
//
// The password comes from PGPASSWORD or ~/.pgpass rather than the command line; `coursekit study show digits-lr
// --storage URL` shows the trials while it runs.
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;
using CourseKit.Tuning;

if (args.Length != 3 || !int.TryParse(args[2], out int trials) || trials < 1)
{
    Console.Error.WriteLine("usage: dotnet run examples/tuning-worker.cs -- STORAGE_URL STUDY TRIALS_PER_WORKER");
    return 2;
}
string url = args[0], name = args[1];
int workers = int.TryParse(Environment.GetEnvironmentVariable("WORKERS"), out int w) ? w : 1;  // all processes, all hosts

var parts = Splits.Stratified(Datasets.Digits(), [0.8, 0.2], seed: 0);
var (train, dev) = (parts[0], parts[1]);

double DevAccuracy(Trial trial)
{
    double lr = trial.Float("lr", 1e-4, 1, Scale.Log);
    int units = trial.Int("units", 16, 128, Scale.Log);
    var model = new Sequential(new Dense(units), new Relu(), new Dense(10)).Build(train.FeatureCount, trial.Seed);
    var history = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(lr)).Fit(train, dev, new FitOptions
    {
        Epochs = 3, BatchSize = 64, Seed = trial.Seed,
        Callbacks = [new PruningCallback(trial, e => e.ValidationAccuracy!.Value)],
    });
    return history.Epochs[^1].ValidationAccuracy!.Value;
}

// Every worker opens the same study: the first one creates it, the others load it (same direction and seed).
var study = Study.CreateOrLoad(name, url, Direction.Maximize, new TpeSampler(), new MedianPruner(startupTrials: 5, warmupSteps: 1), seed: 0);
study.MaxRetries = 1;  // a trial whose worker dies (killed, machine lost) is failed after its heartbeat expires, then run again once
var done = study.Optimize(DevAccuracy, trials, new OptimizeOptions { Lag = workers - 1 });
Console.WriteLine($"worker ran trials {string.Join(", ", done.Select(t => t.Number))}; best so far {study.BestValue:F4} with {string.Join(", ", study.BestParams.Select(p => $"{p.Key}={p.Value}"))}");
return 0;
