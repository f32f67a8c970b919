import Foundation
import TogetherContent

/// Someone in the room, known only by a pseudonym or initials.
public struct Person: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// A pseudonym or initials, never a full name.
    public var label: String
    /// An id from the workshop pack's `roles`.
    public var role: String
    /// The person agreed that their words may be quoted (without their name) in reports.
    @Defaulted<Defaults.False> public var consentToQuote: Bool
    /// `room` for someone in the workshop, `review` for someone whose statements came from a review.
    @Defaulted<Defaults.InTheRoom> public var source: Source

    public init(id: String, label: String, role: String, consentToQuote: Bool = false, source: Source = .room) {
        self.id = id
        self.label = label
        self.role = role
        self.consentToQuote = consentToQuote
        self.source = source
    }
}

/// Who put a statement into words. Recorded because a summary must never pass off a supporter's words
/// as the person's own.
public struct Voice: Codable, Equatable, Hashable, Sendable {
    /// `own`, `supported` (the person, with help), or `onBehalf` (someone who knows them, speaking for them).
    public var kind: VoiceKind
    /// For `onBehalf`: the speaker's role, an id from the workshop pack's roles (never a name).
    public var speakerRole: String?

    public init(kind: VoiceKind, speakerRole: String? = nil) {
        self.kind = kind
        self.speakerRole = speakerRole
    }

    public static let own = Voice(kind: .own)
    public static let supported = Voice(kind: .supported)
    public static func onBehalf(_ role: String) -> Voice { Voice(kind: .onBehalf, speakerRole: role) }

    /// The order `v` steps through: own, with support, then spoken for by each role but the person's own.
    public static func cycle(roles: [String]) -> [Voice] {
        [.own, .supported] + roles.filter { $0 != "person" }.map(onBehalf)
    }
}
