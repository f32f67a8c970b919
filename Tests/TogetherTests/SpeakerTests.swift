import Foundation
import Testing
@testable import TogetherApp
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence
@testable import TogetherTerminal

@Suite("Read aloud")
struct SpeakerTests {
    static let espeak = ["/usr/bin/espeak-ng", "/usr/local/bin/espeak-ng"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("espeak-ng says the words into a WAV file, without making the screen wait",
          .enabled(if: espeak != nil, "espeak-ng is not installed"))
    func wav() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wav = folder.appendingPathComponent("said.wav")
        let speaker = Speaker(engine: .espeak(path: Self.espeak!, extraArguments: ["-w", wav.path]))
        let started = Date()
        #expect(speaker.speak("What is working well in your life?"))
        let returnedAfter = Date().timeIntervalSince(started)
        speaker.waitUntilQuiet()
        let data = try Data(contentsOf: wav)
        #expect(data.prefix(4) == Data("RIFF".utf8))
        #expect(data.subdata(in: 8..<12) == Data("WAVE".utf8))
        // About a second of speech at 22,050 samples a second, 16 bits each.
        #expect(data.count > 20_000, "\(data.count) bytes")
        // speak() only starts the voice; saying the words takes far longer than starting it.
        #expect(returnedAfter < 0.5, "speak took \(returnedAfter) s")
    }

    @Test("a new utterance cancels the one still being said")
    func cancels() throws {
        // A stand-in voice that takes its words and then talks for half a minute.
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let voice = folder.appendingPathComponent("slow-voice")
        try Data("#!/bin/sh\ncat > /dev/null\nexec sleep 30\n".utf8).write(to: voice)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: voice.path)
        let speaker = Speaker(engine: .espeak(path: voice.path, extraArguments: []))
        let started = Date()
        speaker.speak("What is working well in your life?")
        let firstProcess = try #require(speaker.speaking)
        #expect(firstProcess.isRunning)
        speaker.speak("Next.")
        firstProcess.waitUntilExit()
        #expect(firstProcess.terminationReason == Process.TerminationReason.uncaughtSignal)
        #expect(speaker.speaking !== firstProcess)
        #expect(speaker.speaking?.isRunning == true)
        speaker.cancel()
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("with no speech program, reading aloud does nothing and says why on the status line")
    func silentWhenMissing() {
        let speaker = Speaker.find(environment: ["PATH": "/nonexistent"])
        #expect(speaker.engine == nil)
        #expect(!speaker.speak("Hello"))
        let store = SessionStore(folder: temporaryFolder())
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        let runner = WorkshopRunner(state: ScreenTests.sample(at: .workingTogether), content: content, store: store,
                                    terminal: terminal, env: testEnv, speaker: speaker)
        runner.handle(.key(.char("s")))
        #expect(runner.state.status?.text.contains("espeak-ng") == true)
        try? FileManager.default.removeItem(at: store.folder)
    }

    @Test("s reads the prompt and the chosen line, a chosen statement on its own, or the words being typed")
    func whatIsRead() {
        var state = ScreenTests.sample(at: .workingTogether)
        press([.down], &state)
        #expect(press([.char("s")], &state) == [.speak("My flat")])
        press([.up], &state)
        let header = press([.char("s")], &state)
        #expect(header == [.speak("Each person says what is working and what needs to change. Then, what they want "
                                  + "for the future. Working (2 of 3).")])
        press([.char("a")] + typing("I like"), &state)
        #expect(press([.function(2)], &state) == [.speak("I like")])
        #expect(state.session?.draft?.text == "I like")
    }

    @Test("spd-say is used only when speech-dispatcher is running")
    func engineChoice() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["spd-say", "espeak-ng"] {
            let url = folder.appendingPathComponent(name)
            try Data("#!/bin/sh\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        let without = Speaker.find(environment: ["PATH": folder.path, "XDG_RUNTIME_DIR": "/nonexistent"])
        #expect(without.engine == .espeak(path: folder.path + "/espeak-ng", extraArguments: ["-v", "en-gb"]))
        let with = Speaker.find(environment: ["PATH": folder.path, "SPEECHD_ADDRESS": "unix_socket:/tmp/x"])
        #expect(with.engine == .speechDispatcher(path: folder.path + "/spd-say"))
        let welsh = Speaker.find(environment: ["PATH": folder.path], language: "cy")
        #expect(welsh.engine == .espeak(path: folder.path + "/espeak-ng", extraArguments: ["-v", "cy"]))
    }

    @Test("the voice follows the workshop's language, also when it is changed at setup")
    func voiceFollowsLanguage() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A stand-in voice that writes down how it was asked to speak.
        let voice = folder.appendingPathComponent("espeak-ng")
        let log = folder.appendingPathComponent("voices.txt")
        try Data("#!/bin/sh\necho \"$*\" >> '\(log.path)'\ncat > /dev/null\n".utf8).write(to: voice)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: voice.path)
        let speaker = Speaker.find(environment: ["PATH": folder.path], language: "en")
        let en = try #require(allLanguages["en"])
        let sessions = folder.appendingPathComponent("sessions")
        let engine = WorkshopEngine(state: AppState(), content: en, store: SessionStore(folder: sessions), env: testEnv,
                                    speaker: speaker, languages: allLanguages)
        for action in [Action.activate, .insert("Summer"), .commitEdit, .readAloud] { engine.apply(action) }
        speaker.waitUntilQuiet()
        for action in [Action.focusDown, .focusDown, .focusDown, .focusDown, .activate, .focusDown, .activate, .readAloud] {
            engine.apply(action)
        }
        speaker.waitUntilQuiet()
        #expect(engine.state.session?.setup.language == "cy")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines == ["-v en-gb --stdin", "-v cy --stdin"])
        // speech-dispatcher is told the language the same way.
        let spd = Speaker.Engine.speechDispatcher(path: "/usr/bin/spd-say").launch(language: "cy")
        #expect(spd.arguments == ["--wait", "-e", "-l", "cy"])
    }
}
