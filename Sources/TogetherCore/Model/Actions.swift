import Foundation
import TogetherContent

/// Something the group or the commissioners will do.
public struct PlannedAction: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var what: String
    /// A team or a role, never a private person's name.
    @Defaulted<Defaults.NoText> public var who: String
    /// A date or a month, in the group's words.
    @Defaulted<Defaults.NoText> public var byWhen: String
    /// The theme, Making It Real theme or top tip this action answers.
    public var link: Link?
    /// A commissioning intention id from the workshop pack.
    public var intention: String?
    public var createdAt: Date

    public init(id: String, what: String, who: String = "", byWhen: String = "", link: Link? = nil,
                intention: String? = nil, createdAt: Date) {
        self.id = id
        self.what = what
        self.who = who
        self.byWhen = byWhen
        self.link = link
        self.intention = intention
        self.createdAt = createdAt
    }
}

/// What an action is linked to: `groupTheme`, `makingItReal` or `topTip`, and its id.
/// What kind of thing an action is linked to, written in the file as its name ("groupTheme", "makingItReal",
/// "topTip"). A name this version does not know is kept as it is (the tally counts it as not recognised).
public struct LinkKind: RawRepresentable, Codable, Hashable, Sendable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// One of the group's own themes.
    public static let groupTheme = LinkKind(rawValue: "groupTheme")
    /// A Making It Real theme.
    public static let makingItReal = LinkKind(rawValue: "makingItReal")
    /// One of the top tips for commissioners.
    public static let topTip = LinkKind(rawValue: "topTip")
}

public struct Link: Codable, Equatable, Hashable, Sendable {
    public var kind: LinkKind
    public var id: String
    public init(kind: LinkKind, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// The parts of an action, each a line on screen.
public enum ActionField: String, Codable, CaseIterable, Sendable {
    case what, who, byWhen, link, intention
}
