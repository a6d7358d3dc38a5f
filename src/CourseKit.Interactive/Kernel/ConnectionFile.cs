using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// A Jupyter connection file: where the kernel binds its five sockets and the key messages are signed with. Only
/// <c>tcp</c> transport (what NetMQ offers on every platform) and <c>hmac-sha256</c> signatures are accepted; anything
/// else is refused at start with a message naming the field, the expected and the actual value.
/// </summary>
public sealed record ConnectionFile(string Transport, string Ip, int ShellPort, int IopubPort, int StdinPort, int ControlPort, int HeartbeatPort, string Key, string SignatureScheme)
{
    /// <summary>Reads and checks the connection file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON, or a field is missing or not supported.</exception>
    public static ConnectionFile Read(string path)
    {
        JsonObject json;
        try { json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"connection file {path}: expected a JSON object."); }
        catch (JsonException e) { throw new InvalidDataException($"connection file {path}: not valid JSON ({e.Message}).", e); }
        string transport = Text(json, "transport", path, "tcp");
        if (transport != "tcp")
            throw new InvalidDataException($"connection file {path}: transport: expected \"tcp\", actual \"{transport}\" (CourseKit's kernel binds TCP sockets only).");
        string key = Text(json, "key", path, "");
        string scheme = Text(json, "signature_scheme", path, "hmac-sha256");
        if (scheme != "hmac-sha256")
            throw new InvalidDataException($"connection file {path}: signature_scheme: expected \"hmac-sha256\", actual \"{scheme}\".");
        return new ConnectionFile(transport, Text(json, "ip", path, null), Port(json, "shell_port", path), Port(json, "iopub_port", path),
            Port(json, "stdin_port", path), Port(json, "control_port", path), Port(json, "hb_port", path), key, scheme);
    }

    /// <summary>The ZeroMQ address for <paramref name="port"/>.</summary>
    public string Address(int port) => $"{Transport}://{(Ip is "0.0.0.0" or "" ? "*" : Ip)}:{port}";

    private static string Text(JsonObject json, string name, string path, string? fallback) => json[name] switch
    {
        JsonValue v when v.TryGetValue(out string? s) => s,
        null when fallback is not null => fallback,
        var other => throw new InvalidDataException($"connection file {path}: {name}: expected a string, actual {other?.ToJsonString() ?? "none"}."),
    };

    private static int Port(JsonObject json, string name, string path) => json[name] switch
    {
        JsonValue v when v.TryGetValue(out int port) && port is > 0 and <= 65535 => port,
        var other => throw new InvalidDataException($"connection file {path}: {name}: expected a port number 1–65535, actual {other?.ToJsonString() ?? "none"}."),
    };
}
