import Foundation
import TogetherContent

/// A short piece of text: an example, a note, a thing to remember.
public struct Note: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var text: String
    public var createdAt: Date

    public init(id: String, text: String, createdAt: Date) {
        self.id = id
        self.text = text
        self.createdAt = createdAt
    }
}

/// What the group said about one Making It Real theme.
public struct ThemeReview: Codable, Equatable, Sendable {
    public var themeId: String
    /// An id from the Making It Real scale, or nil when not rated yet.
    public var rating: String?
    @Defaulted<Defaults.Nothing<Note>> public var examples: [Note]
    /// What gets in the way.
    @Defaulted<Defaults.Nothing<Note>> public var barriers: [Note]
    /// What should happen.
    @Defaulted<Defaults.Nothing<Note>> public var shouldHappen: [Note]

    public init(themeId: String, rating: String? = nil, examples: [Note] = [], barriers: [Note] = [],
                shouldHappen: [Note] = []) {
        self.themeId = themeId
        self.rating = rating
        self.examples = examples
        self.barriers = barriers
        self.shouldHappen = shouldHappen
    }
}

/// What the group said about one top tip.
public struct TipReview: Codable, Equatable, Sendable {
    public var tipId: String
    public var rating: String?
    @Defaulted<Defaults.Nothing<Note>> public var notes: [Note]
    /// What gets in the way.
    @Defaulted<Defaults.Nothing<Note>> public var barriers: [Note]
    /// What should happen.
    @Defaulted<Defaults.Nothing<Note>> public var shouldHappen: [Note]

    public init(tipId: String, rating: String? = nil, notes: [Note] = [], barriers: [Note] = [],
                shouldHappen: [Note] = []) {
        self.tipId = tipId
        self.rating = rating
        self.notes = notes
        self.barriers = barriers
        self.shouldHappen = shouldHappen
    }
}

/// Where a list of notes lives: a Making It Real theme, a top tip, the wrap-up or a group theme, and which
/// of its lists (examples, what gets in the way, why, ...).
public struct NoteSlot: Codable, Equatable, Hashable, Sendable {
    public enum Place: Codable, Equatable, Hashable, Sendable {
        case makingItReal(String), topTip(String), wrapUp, groupTheme(String)
        /// An earlier workshop's action, followed up "since last time" (by the action's id).
        case followUp(String)

        /// What an action added beside these notes is linked to.
        public var link: Link? {
            switch self {
            case .makingItReal(let id): Link(kind: .makingItReal, id: id)
            case .topTip(let id): Link(kind: .topTip, id: id)
            case .groupTheme(let id): Link(kind: .groupTheme, id: id)
            case .wrapUp, .followUp: nil
            }
        }
    }

    public var place: Place
    /// A section id from the workshop pack's `noteSections`.
    public var section: NoteSection

    public init(_ place: Place, _ section: NoteSection) {
        self.place = place
        self.section = section
    }
}

extension Session {
    /// Changes the group's review of a Making It Real theme, starting one when there is none yet.
    mutating func updateThemeReview(_ themeId: String, _ change: (inout ThemeReview) -> Void) {
        update(\.makingItReal, where: { $0.themeId == themeId }, new: ThemeReview(themeId: themeId), change)
    }

    /// Changes the group's review of a top tip, starting one when there is none yet.
    mutating func updateTipReview(_ tipId: String, _ change: (inout TipReview) -> Void) {
        update(\.topTips, where: { $0.tipId == tipId }, new: TipReview(tipId: tipId), change)
    }

    private mutating func update<Item>(_ list: WritableKeyPath<Session, [Item]>, where matches: (Item) -> Bool,
                                       new: @autoclosure () -> Item, _ change: (inout Item) -> Void) {
        if let i = self[keyPath: list].firstIndex(where: matches) {
            change(&self[keyPath: list][i])
        } else {
            var item = new()
            change(&item)
            self[keyPath: list].append(item)
        }
    }
}
