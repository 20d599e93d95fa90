using System.Security.Cryptography;
using System.Text;

namespace LiveActors.Protocol;

/// <summary>
/// A short, stable stand-in for a resumption handle in logs and ToString: a handle resumes someone's conversation,
/// so it is treated as a secret, but two log lines about the same handle should still be recognisably the same.
/// </summary>
public static class HandleFingerprint
{
    /// <summary><c>(none)</c> for no handle, else <c>#</c> and the first 8 hex digits of the handle's SHA-256.</summary>
    public static string Of(string? handle)
    {
        if (string.IsNullOrEmpty(handle))
        {
            return "(none)";
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(handle), hash);
        return "#" + Convert.ToHexStringLower(hash[..4]);
    }
}
