import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence

/// Writes a session's handouts: the Easy Read summary and the full record, each as Markdown and as printable
/// HTML. A file already there is never written over: the new set gets the next free number.
public enum HandoutWriter {
    public static func files(_ session: Session, _ content: ContentPacks) -> [(suffix: String, text: String)] {
        let easy = Handouts.easyRead(session, content)
        let record = Handouts.record(session, content)
        return [
            ("easy-read.md", easy.markdown), ("easy-read.html", easy.html(easyRead: true)),
            ("record.md", record.markdown), ("record.html", record.html()),
        ]
    }

    @discardableResult
    public static func write(_ session: Session, _ content: ContentPacks, into folder: URL,
                             stem: String) throws -> [URL] {
        try OwnerOnly.makeFolder(folder)
        let files = files(session, content)
        let fm = FileManager.default
        var number = 1
        func urls(_ n: Int) -> [URL] {
            files.map { folder.appendingPathComponent("\(stem)\(n == 1 ? "" : "-\(n)")-\($0.suffix)") }
        }
        while urls(number).contains(where: { fm.fileExists(atPath: $0.path) }) { number += 1 }
        let targets = urls(number)
        for (url, file) in zip(targets, files) {
            try AtomicFile.write(Data(file.text.utf8), to: url, mustBeNew: true)
        }
        return targets
    }
}
