using LiveActors.Host;
using LiveActors.Protocol;

namespace LiveActors.Tests.HostApp;

/// <summary>What the host asks the service for: a model that is served today, in the only modality it answers in.</summary>
public sealed class HostSetupTests
{
    [Fact]
    public void The_default_run_asks_gemini_3_8_live_for_audio_and_prints_the_transcription_of_it()
    {
        var (arguments, _) = HostArguments.Parse([]);

        var options = LiveHost.Options(arguments!, emulator: null);

        Assert.Equal("gemini-3.8-live", options.Model);
        Assert.Equal([Modalities.Audio], options.Setup!.GenerationConfig!.ResponseModalities);
        Assert.NotNull(options.Setup.OutputAudioTranscription);
        Assert.Null(options.Setup.InputAudioTranscription); // asked for with --transcribe
    }

    [Fact]
    public void Transcribe_asks_for_the_input_transcription_too()
    {
        var (arguments, _) = HostArguments.Parse(["--transcribe"]);

        var options = LiveHost.Options(arguments!, emulator: null);

        Assert.NotNull(options.Setup!.InputAudioTranscription);
        Assert.Equal([Modalities.Audio], options.Setup.GenerationConfig!.ResponseModalities);
    }
}
