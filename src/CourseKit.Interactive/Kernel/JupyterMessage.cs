using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// One message of the Jupyter messaging protocol (5.3) and its wire form: the ZeroMQ routing identities, the
/// <c>&lt;IDS|MSG&gt;</c> delimiter, the HMAC signature, then header, parent header, metadata and content as JSON, and
/// any binary buffers.
/// </summary>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>The header's <c>msg_type</c> ("" when missing).</summary>
    public string Type => Header["msg_type"] is JsonValue v && v.TryGetValue(out string? t) ? t : "";

    /// <summary>A new message of <paramref name="type"/> answering or following <paramref name="parent"/> (null: no parent).</summary>
    public static JupyterMessage Create(string type, JsonObject content, JupyterMessage? parent, string session, IReadOnlyList<byte[]>? identities = null) => new(
        identities ?? parent?.Identities ?? [],
        new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "coursekit",
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        },
        parent?.Header.DeepClone().AsObject() ?? new JsonObject(),
        new JsonObject(),
        content);

    /// <summary>The frames to send, signed with <paramref name="signer"/>.</summary>
    public List<byte[]> ToFrames(MessageSigner signer)
    {
        byte[][] parts = [Json(Header), Json(ParentHeader), Json(Metadata), Json(Content)];
        var frames = new List<byte[]>(Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        return frames;
    }

    /// <summary>Parses received frames; on failure returns null and says why in <paramref name="problem"/>.</summary>
    public static JupyterMessage? Parse(IReadOnlyList<byte[]> frames, MessageSigner signer, out string problem)
    {
        int delimiter = -1;
        for (int i = 0; i < frames.Count && delimiter < 0; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) delimiter = i;
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = $"expected the <IDS|MSG> delimiter followed by a signature and 4 JSON frames, actual {frames.Count} frames{(delimiter < 0 ? " without a delimiter" : "")}";
            return null;
        }
        var parts = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (!signer.Verify(Encoding.ASCII.GetString(frames[delimiter + 1]), parts))
        {
            problem = "the signature does not match the message (is the message from the client holding this kernel's key?)";
            return null;
        }
        var objects = new JsonObject[4];
        string[] names = ["header", "parent_header", "metadata", "content"];
        for (int i = 0; i < 4; i++)
        {
            try { objects[i] = JsonNode.Parse(parts[i]) as JsonObject ?? throw new JsonException("not a JSON object"); }
            catch (JsonException e)
            {
                problem = $"the {names[i]} frame is not a JSON object ({e.Message})";
                return null;
            }
        }
        problem = "";
        return new JupyterMessage(frames.Take(delimiter).ToArray(), objects[0], objects[1], objects[2], objects[3]);
    }

    private static byte[] Json(JsonObject value) => Encoding.UTF8.GetBytes(value.ToJsonString());
}
