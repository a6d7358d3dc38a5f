using System.Security.Cryptography;
using System.Text;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// HMAC-SHA256 over a message's header, parent header, metadata and content frames, hex-encoded, as the Jupyter
/// messaging protocol specifies. An empty key means no signing (the protocol's "authentication disabled").
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    /// <summary>Whether messages are signed at all.</summary>
    public bool Enabled => _key.Length > 0;

    /// <summary>The signature of the four frames, lowercase hex ("" when signing is disabled).</summary>
    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Enabled) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var part in parts) hmac.AppendData(part);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="signature"/> is the frames' signature (compared in constant time).</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (!Enabled) return true;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(parts)));
    }
}
