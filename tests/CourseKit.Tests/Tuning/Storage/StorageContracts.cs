using CourseKit.Tests.Support;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning.Storage;

/// <summary>The contract suite on <see cref="InMemoryStorage"/>.</summary>
public sealed class InMemoryStorageContractTests : StorageContractTests
{
    protected override IStudyStorage CreateStorage() => new InMemoryStorage();

    protected override IStudyStorage? Reopen() => null;
}

/// <summary>The contract suite on <see cref="SqliteStorage"/>, a fresh file per test.</summary>
public sealed class SqliteStorageContractTests : StorageContractTests
{
    private readonly TempFolder _temp = new();

    protected override IStudyStorage CreateStorage() => new SqliteStorage(_temp.File("studies.db"));

    protected override IStudyStorage? Reopen() => StudyStorage.Open("sqlite:///" + _temp.File("studies.db"));

    public override void Dispose()
    {
        base.Dispose();
        _temp.Dispose();
    }
}

/// <summary>The contract suite on <see cref="PostgresStorage"/>: a fresh database per test on the throwaway cluster.</summary>
public sealed class PostgresStorageContractTests : StorageContractTests
{
    private readonly string _url = PostgresCluster.NewDatabase();

    protected override IStudyStorage CreateStorage() => new PostgresStorage(_url);

    protected override IStudyStorage? Reopen() => StudyStorage.Open(_url);
}
