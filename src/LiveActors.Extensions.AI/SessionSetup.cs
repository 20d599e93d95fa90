using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.AI;

namespace LiveActors.Extensions.AI;

/// <summary>
/// MEAI's session options as a Live API setup: the model, instructions, tools and tool mode, output modalities, voice,
/// token limit, activity detection and transcription, laid over the setup the client's <see cref="LiveConnectionOptions"/>
/// already has (a value MEAI leaves null keeps the one there). An option the Live API has no field for is refused when
/// the session is created, never dropped: a tool mode that forces calls, an output audio format other than 24 kHz
/// 16-bit mono PCM, input audio that is not PCM, a transcription model or prompt.
/// </summary>
internal static class SessionSetup
{
    /// <summary>The sample rate of the PCM the Live API speaks (docs/live-api.md 7): 24 kHz, 16-bit, mono.</summary>
    public const int OutputSampleRate = 24_000;

    /// <summary>The sample rate of input PCM when neither the audio nor the session options say.</summary>
    public const int DefaultInputSampleRate = 16_000;

    /// <summary>The connection options for a session created with <paramref name="options"/>.</summary>
    /// <exception cref="NotSupportedException">An option the Live API has no counterpart for (see <see cref="Refuse"/>).</exception>
    public static LiveConnectionOptions Apply(LiveConnectionOptions connection, RealtimeSessionOptions? options)
    {
        if (options is null)
        {
            return connection;
        }

        Refuse(options);

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
            Tools = options.ToolMode is NoneChatToolMode ? null // no tools: the model cannot call one
                : options.Tools is { Count: > 0 } tools ? LiveTools(tools) : setup.Tools,
            RealtimeInputConfig = InputConfig(setup.RealtimeInputConfig, options.VoiceActivityDetection),
            InputAudioTranscription = options.TranscriptionOptions is { } transcription
                ? new AudioTranscriptionConfig { LanguageCodes = transcription.SpeechLanguage is { } language ? [language] : null }
                : setup.InputAudioTranscription,
            OutputAudioTranscription = speaks ? setup.OutputAudioTranscription ?? new AudioTranscriptionConfig() : setup.OutputAudioTranscription,
        };
        return connection with { Model = options.Model ?? connection.Model, Setup = setup };
    }

    /// <summary>Throws for an option the Live API has no field for, naming it and what to do instead.</summary>
    /// <exception cref="NotSupportedException">A transcription-only session; a tool mode that requires calls (the Live API has no tool choice); an output
    /// audio format other than 24 kHz PCM (the only one the Live API speaks); input audio that is not PCM; a transcription
    /// model or prompt (the Live API transcribes with its own model).</exception>
    public static void Refuse(RealtimeSessionOptions options)
    {
        if (options.SessionKind == RealtimeSessionKind.Transcription)
        {
            throw new NotSupportedException("RealtimeSessionOptions.SessionKind Transcription: a Live API session always converses; ask for input transcription with TranscriptionOptions instead.");
        }

        if (options.ToolMode is RequiredChatToolMode)
        {
            throw new NotSupportedException("RealtimeSessionOptions.ToolMode RequireAny / RequireSpecific: the Live API has no tool choice (the model decides when to call); use Auto, or None for no tools.");
        }

        if (options.OutputAudioFormat is { } output && (!IsPcm(output.MediaType) || output.SampleRate != OutputSampleRate))
        {
            throw new NotSupportedException($"RealtimeSessionOptions.OutputAudioFormat {output.MediaType} at {output.SampleRate} Hz: the Live API speaks 24 kHz 16-bit mono PCM only (audio/pcm, 24000); ask for that, or leave it null, and convert what you play.");
        }

        if (options.InputAudioFormat is { } input && !IsPcm(input.MediaType))
        {
            throw new NotSupportedException($"RealtimeSessionOptions.InputAudioFormat {input.MediaType}: the Live API takes 16-bit little-endian mono PCM (audio/pcm, 16 kHz natively; other rates are resampled).");
        }

        if (options.TranscriptionOptions is { ModelId: not null } or { Prompt: not null })
        {
            throw new NotSupportedException("TranscriptionOptions.ModelId / Prompt: the Live API transcribes with its own model and takes no prompt; give only SpeechLanguage.");
        }
    }

    /// <summary>
    /// Throws for a session update the Live API cannot make mid-session: only <c>Instructions</c> and <c>Tools</c> change
    /// (contextUpdate); every other option given must be the one the session has.
    /// </summary>
    /// <exception cref="NotSupportedException">An option that would need a new session.</exception>
    public static void RefuseUpdate(RealtimeSessionOptions current, RealtimeSessionOptions update)
    {
        var changed = new List<string>();
        Check(update.Model is not null && update.Model != current.Model, "Model");
        Check(update.Voice is not null && update.Voice != current.Voice, "Voice");
        Check(update.OutputModalities is not null && !update.OutputModalities.SequenceEqual(current.OutputModalities ?? []), "OutputModalities");
        Check(update.ToolMode is not null && !Equals(update.ToolMode, current.ToolMode), "ToolMode");
        Check(update.MaxOutputTokens is not null && update.MaxOutputTokens != current.MaxOutputTokens, "MaxOutputTokens");
        Check(update.OutputAudioFormat is { } output && !SameFormat(output, current.OutputAudioFormat), "OutputAudioFormat");
        Check(update.InputAudioFormat is { } input && !SameFormat(input, current.InputAudioFormat), "InputAudioFormat");
        Check(update.TranscriptionOptions is { } asked && !SameTranscription(asked, current.TranscriptionOptions), "TranscriptionOptions");
        Check(update.VoiceActivityDetection is { } detection
            && (detection.Enabled != (current.VoiceActivityDetection?.Enabled ?? true) || detection.AllowInterruption != (current.VoiceActivityDetection?.AllowInterruption ?? true)), "VoiceActivityDetection");
        if (changed.Count > 0)
        {
            throw new NotSupportedException($"A Live API session keeps the setup it started with; only Instructions and Tools change mid-session (contextUpdate). Create a new session for {string.Join(", ", changed)}.");
        }

        void Check(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }
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

    private static bool IsPcm(string mediaType) => mediaType.StartsWith("audio/pcm", StringComparison.OrdinalIgnoreCase);

    private static bool SameFormat(RealtimeAudioFormat format, RealtimeAudioFormat? current) =>
        current is not null && string.Equals(format.MediaType, current.MediaType, StringComparison.OrdinalIgnoreCase) && format.SampleRate == current.SampleRate;

    private static bool SameTranscription(TranscriptionOptions asked, TranscriptionOptions? kept) =>
        kept is not null && asked.SpeechLanguage == kept.SpeechLanguage && asked.ModelId == kept.ModelId && asked.Prompt == kept.Prompt;

    private static string Modality(string modality) => modality.ToUpperInvariant() switch
    {
        "TEXT" => Modalities.Text,
        "AUDIO" => Modalities.Audio,
        var other => other,
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
