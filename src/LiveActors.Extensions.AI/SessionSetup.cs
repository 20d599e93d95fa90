using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.AI;

namespace LiveActors.Extensions.AI;

/// <summary>
/// MEAI's session options as a Live API setup: the model, instructions, tools, output modalities, voice, token limit,
/// activity detection and transcription, laid over the setup the client's <see cref="LiveConnectionOptions"/> already
/// has (a value MEAI leaves null keeps the one there).
/// </summary>
internal static class SessionSetup
{
    /// <summary>The sample rate of the PCM the Live API speaks (docs/live-api.md 7): 24 kHz, 16-bit, mono.</summary>
    public const int OutputSampleRate = 24_000;

    /// <summary>The sample rate of input PCM when neither the audio nor the session options say.</summary>
    public const int DefaultInputSampleRate = 16_000;

    /// <summary>The connection options for a session created with <paramref name="options"/>.</summary>
    /// <exception cref="NotSupportedException">A transcription-only session, or a tool the Live API has no counterpart for.</exception>
    public static LiveConnectionOptions Apply(LiveConnectionOptions connection, RealtimeSessionOptions? options)
    {
        if (options is null)
        {
            return connection;
        }

        if (options.SessionKind == RealtimeSessionKind.Transcription)
        {
            throw new NotSupportedException("RealtimeSessionOptions.SessionKind Transcription: a Live API session always converses; ask for input transcription with TranscriptionOptions instead.");
        }

        var setup = options.RawRepresentationFactory?.Invoke() as Setup ?? connection.Setup ?? new Setup();
        var generation = setup.GenerationConfig ?? new GenerationConfig();
        var modalities = options.OutputModalities is { Count: > 0 } asked ? [.. asked.Select(Modality)] : generation.ResponseModalities;
        generation = generation with
        {
            ResponseModalities = modalities,
            MaxOutputTokens = options.MaxOutputTokens ?? generation.MaxOutputTokens,
            SpeechConfig = options.Voice is { } voice ? SpeechConfig.FromVoice(voice) : generation.SpeechConfig,
        };
        var speaks = modalities is null || modalities.Contains(Modalities.Audio);
        setup = setup with
        {
            GenerationConfig = generation,
            SystemInstruction = options.Instructions is { } instructions ? Content.FromText(instructions, role: null) : setup.SystemInstruction,
            Tools = options.Tools is { Count: > 0 } tools ? LiveTools(tools) : setup.Tools,
            RealtimeInputConfig = InputConfig(setup.RealtimeInputConfig, options.VoiceActivityDetection),
            InputAudioTranscription = options.TranscriptionOptions is { } transcription
                ? new AudioTranscriptionConfig { LanguageCodes = transcription.SpeechLanguage is { } language ? [language] : null }
                : setup.InputAudioTranscription,
            OutputAudioTranscription = speaks ? setup.OutputAudioTranscription ?? new AudioTranscriptionConfig() : setup.OutputAudioTranscription,
        };
        return connection with { Model = options.Model ?? connection.Model, Setup = setup };
    }

    /// <summary>The options a session reports: what it was created with, with the audio formats the Live API uses filled in.</summary>
    public static RealtimeSessionOptions Reported(RealtimeSessionOptions? options, LiveConnectionOptions connection) => new()
    {
        SessionKind = RealtimeSessionKind.Conversation,
        Model = connection.Model,
        InputAudioFormat = options?.InputAudioFormat ?? new RealtimeAudioFormat("audio/pcm", DefaultInputSampleRate),
        OutputAudioFormat = new RealtimeAudioFormat("audio/pcm", OutputSampleRate),
        TranscriptionOptions = options?.TranscriptionOptions,
        Voice = options?.Voice,
        Instructions = options?.Instructions,
        MaxOutputTokens = options?.MaxOutputTokens,
        OutputModalities = options?.OutputModalities,
        ToolMode = options?.ToolMode,
        Tools = options?.Tools,
        VoiceActivityDetection = options?.VoiceActivityDetection,
        RawRepresentationFactory = options?.RawRepresentationFactory,
    };

    /// <summary>Whether the server detects the user's activity itself (MEAI's default), so audio needs no activity marks.</summary>
    public static bool DetectsActivity(RealtimeSessionOptions? options, LiveConnectionOptions connection) =>
        options?.VoiceActivityDetection?.Enabled
        ?? connection.Setup?.RealtimeInputConfig?.AutomaticActivityDetection?.Disabled is not true;

    /// <summary>MEAI tools as Live API tools: functions as declarations, hosted web search and code interpreter as Google's own.</summary>
    /// <exception cref="NotSupportedException">A tool of another kind.</exception>
    public static IReadOnlyList<Tool> LiveTools(IEnumerable<AITool> tools)
    {
        var functions = new List<FunctionDeclaration>();
        var result = new List<Tool>();
        foreach (var tool in tools)
        {
            switch (tool)
            {
                case AIFunctionDeclaration function:
                    functions.Add(new FunctionDeclaration { Name = function.Name, Description = NullIfEmpty(function.Description), Parameters = function.JsonSchema });
                    break;
                case HostedWebSearchTool:
                    result.Add(new Tool { GoogleSearch = EmptyObject.Instance });
                    break;
                case HostedCodeInterpreterTool:
                    result.Add(new Tool { CodeExecution = EmptyObject.Instance });
                    break;
                default:
                    throw new NotSupportedException($"The tool '{tool.Name}' ({tool.GetType().Name}) has no Live API counterpart: use an AIFunction, HostedWebSearchTool or HostedCodeInterpreterTool.");
            }
        }

        if (functions.Count > 0)
        {
            result.Insert(0, new Tool { FunctionDeclarations = functions });
        }

        return result;
    }

    private static RealtimeInputConfig? InputConfig(RealtimeInputConfig? config, VoiceActivityDetectionOptions? detection)
    {
        if (detection is null)
        {
            return config;
        }

        config ??= new RealtimeInputConfig();
        var automatic = (config.AutomaticActivityDetection ?? new AutomaticActivityDetection()) with { Disabled = detection.Enabled ? null : true };
        return config with
        {
            AutomaticActivityDetection = automatic,
            ActivityHandling = detection.Enabled && !detection.AllowInterruption ? "NO_INTERRUPTION" : config.ActivityHandling,
        };
    }

    private static string Modality(string modality) => modality.ToUpperInvariant() switch
    {
        "TEXT" => Modalities.Text,
        "AUDIO" => Modalities.Audio,
        var other => other,
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
