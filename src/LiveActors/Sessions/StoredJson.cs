using LiveActors.Protocol;

namespace LiveActors.Sessions;

/// <summary>Client messages as a durable session stores them: their wire JSON as text (a journal's JSON serializer would base64 bytes).</summary>
internal static class StoredJson
{
    /// <summary>The message's wire JSON.</summary>
    public static string Write(ClientMessage message) => System.Text.Encoding.UTF8.GetString(ClientMessageSerializer.SerializeToUtf8Bytes(message));

    /// <summary>The message stored as <paramref name="json"/>; one the serializer does not know is kept raw.</summary>
    public static ClientMessage Read(string json) =>
        ClientMessageSerializer.TryDeserialize(System.Text.Encoding.UTF8.GetBytes(json), out var message, out _) && message is not null
            ? message
            : new RawClientMessage(System.Text.Json.JsonDocument.Parse(json).RootElement);
}
