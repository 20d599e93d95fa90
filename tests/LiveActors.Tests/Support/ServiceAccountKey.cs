using System.Security.Cryptography;
using System.Text.Json;

namespace LiveActors.Tests.Support;

/// <summary>
/// A Google service-account key made in the test: a fresh RSA key and the JSON file Google would issue for it, with
/// <c>token_uri</c> pointing where the test says (a loopback fake OAuth server). Nothing in it is real.
/// </summary>
internal sealed class ServiceAccountKey : IDisposable
{
    public ServiceAccountKey(Uri tokenUri, string projectId = "sa-project")
    {
        Rsa = RSA.Create(2048);
        ProjectId = projectId;
        ClientEmail = $"live-tests@{projectId}.iam.gserviceaccount.com";
        PrivateKeyPem = Rsa.ExportPkcs8PrivateKeyPem();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "service_account");
            writer.WriteString("project_id", projectId);
            writer.WriteString("private_key_id", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)));
            writer.WriteString("private_key", PrivateKeyPem);
            writer.WriteString("client_email", ClientEmail);
            writer.WriteString("client_id", "100000000000000000001");
            writer.WriteString("token_uri", tokenUri.ToString());
            writer.WriteEndObject();
        }

        Json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public RSA Rsa { get; }

    public string ProjectId { get; }

    public string ClientEmail { get; }

    /// <summary>The PEM private key: a secret that must never appear in any output.</summary>
    public string PrivateKeyPem { get; }

    /// <summary>The key file's JSON text.</summary>
    public string Json { get; }

    /// <summary>Writes the key file to a new temporary folder and returns its path.</summary>
    public string WriteFile(string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("liveactors-sa-").FullName;
        var path = Path.Combine(folder, "service-account.json");
        File.WriteAllText(path, Json);
        return path;
    }

    public void Dispose() => Rsa.Dispose();
}
