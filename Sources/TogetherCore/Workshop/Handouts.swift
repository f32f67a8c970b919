import TogetherContent
import TogetherPublishing

/// What a workshop gives back at the end: an Easy Read "You told us … we will …" for the people who took part,
/// and the full record for the facilitator. Pure: the same session always gives the same documents.
public enum Handouts {
    // MARK: Easy Read

    public static func easyRead(_ session: Session, _ content: ContentPacks) -> Document {
        let w = content.words
        var doc = Document(title: w.text(.easyReadTitle), language: session.setup.language)
        // A picture on the left of each heading and each "You told us" line, as UK Easy Read documents have.
        doc.pictures = content.pictures
        let title = session.setup.title.isEmpty ? w.text(.easyReadOurWorkshop) : session.setup.title
        if session.status != .finished { doc.add(.pictured("draft", .paragraph(w.text(.easyReadDraft)))) }
        doc.add(.pictured("workshop", .paragraph(w.text(.easyReadThanks, title, readableDay(session.setup.date, w)))))
        let count = session.people.filter { $0.source == .room }.count
        if count > 0 { doc.add(.paragraph(count == 1 ? w.text(.easyReadOnePerson) : w.text(.easyReadPeople, "\(count)"))) }
        for stage in session.stages(content) { Stages.screen(stage.id)?.easyRead(&doc, session, content) }

        let top = session.topThemes(content)
        var told: [String] = []
        if top.isEmpty {
            // No themes were made: what needs to change, in the words of people who agreed to be quoted.
            let quotable = Set(session.people.filter(\.consentToQuote).map(\.id))
            told = session.statements.filter { $0.category == "notWorking" && $0.rank == 1 && !$0.hidden
                && quotable.contains($0.personId) }.prefix(5).map { sentence($0.text) }
            if !told.isEmpty {
                doc.add(.pictured("told", .heading(1, w.text(.easyReadYouToldUs))))
                for line in told { doc.add(.pictured("told", .paragraph(line))) }
            }
        } else {
            doc.add(.pictured("told", .heading(1, w.text(.easyReadYouToldUsAndWeWill))))
            for theme in top {
                // The picture of the Making It Real theme it belongs to, when the group linked one.
                let picture = theme.makingItReal.first.map { "theme-" + $0 }.flatMap { content.pictures[$0] == nil ? nil : $0 } ?? "told"
                doc.add(.pictured(picture, .heading(2, w.text(.easyReadYouToldUsThat, sentence(theme.statement)))))
                // What good would look like, in the group's words.
                if !theme.success.isEmpty {
                    doc.add(.pictured("good", .paragraph(w.text(.easyReadGoodLooksLike))))
                    doc.add(.bullets(theme.success.map { sentence($0.text) }))
                }
                let actions = session.actions(linkedTo: Link(kind: .groupTheme, id: theme.id))
                if actions.isEmpty {
                    doc.add(.pictured("talk", .paragraph(w.text(.easyReadWeWillTalk))))
                } else {
                    for action in actions { doc.add(.pictured("action", .paragraph(w.text(.easyReadWeWill, plainAction(action, w))))) }
                }
            }
        }
        // What is working: in the words of people who agreed to be quoted, never what someone said for them.
        let quotable = Set(session.people.filter(\.consentToQuote).map(\.id))
        let working = session.statements.filter { $0.category == "working" && $0.rank == 1 && !$0.hidden
            && quotable.contains($0.personId) && $0.voice.kind != .onBehalf }.prefix(5).map { sentence($0.text) }
        if !working.isEmpty {
            doc.add(.pictured("working", .heading(1, w.text(.easyReadWorking))))
            doc.add(.bullets(Array(working)))
        }
        let shown = Set(top.map { Link(kind: .groupTheme, id: $0.id) })
        let others = session.actions.filter { $0.link == nil || !shown.contains($0.link!) }
        if !others.isEmpty {
            doc.add(.pictured("action", .heading(1, top.isEmpty ? w.text(.easyReadWeWillHeading) : w.text(.easyReadWeWillAlso))))
            doc.add(.bullets(others.map { plainAction($0, w) }))
        }
        let next = session.notes(in: NoteSlot(.wrapUp, .next))
        if !next.isEmpty {
            doc.add(.pictured("next", .heading(1, w.text(.easyReadWhatHappensNext))))
            doc.add(.bullets(next.map { sentence($0.text) }))
        }
        let tellBack = session.notes(in: NoteSlot(.wrapUp, .tellBack))
        if !tellBack.isEmpty {
            doc.add(.pictured("tell", .heading(1, w.text(.easyReadWeWillTellYou))))
            doc.add(.bullets(tellBack.map { sentence($0.text) }))
        }
        let contact = session.setup.contact.trimmingCharacters(in: .whitespaces)
        if !contact.isEmpty {
            doc.add(.pictured("contact", .heading(1, w.text(.easyReadContactHeading))))
            doc.add(.paragraph(w.text(.easyReadContact, contact)))
        }
        doc.add(.pictured("private", .paragraph(w.text(.easyReadNoNames))))
        return doc
    }

    /// "Easy Read leaflets. Council team will do it. By 31 January 2027." One short sentence an idea, no brackets,
    /// a date in words.
    static func plainAction(_ action: PlannedAction, _ w: ParticipantWords) -> String {
        var parts = [sentence(action.what)]
        if !action.who.trimmingCharacters(in: .whitespaces).isEmpty {
            parts.append(w.text(.easyReadWhoWillDoIt, action.who.trimmingCharacters(in: .whitespaces)))
        }
        if !action.byWhen.trimmingCharacters(in: .whitespaces).isEmpty {
            parts.append(sentence(w.text(.easyReadBy, readableDay(action.byWhen.trimmingCharacters(in: .whitespaces), w))))
        }
        return parts.joined(separator: " ")
    }

    /// An action in the record, for the facilitator: "Easy read letters (Council team, by June 2027)."
    static func recordAction(_ action: PlannedAction) -> String {
        let extra = [action.who, action.byWhen.isEmpty ? "" : "by \(action.byWhen)"].filter { !$0.isEmpty }
        guard !extra.isEmpty else { return sentence(action.what) }
        var what = action.what.trimmingCharacters(in: .whitespaces)
        if what.hasSuffix(".") { what.removeLast() }
        return "\(what) (\(extra.joined(separator: ", ")))."
    }

    /// Text as one sentence, with a full stop at the end.
    static func sentence(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let last = t.last else { return t }
        return ".!?".contains(last) ? t : t + "."
    }

    /// "14 March 2026" from "2026-03-14"; the text as it is when it is not a date.
    static func readableDay(_ iso: String, _ w: ParticipantWords) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]),
              let month = ParticipantKey(rawValue: "month\(parts[1])") else { return iso }
        return "\(parts[2]) \(w.text(month)) \(parts[0])"
    }

    // MARK: The full record

    public static func record(_ session: Session, _ content: ContentPacks) -> Document {
        let s = session.setup
        var doc = Document(title: "Workshop record: \(s.title.isEmpty ? "(no title)" : s.title)", language: s.language)
        let roles = content.workshop.roles.compactMap { role -> String? in
            let n = session.people.filter { $0.role == role.id }.count
            return n == 0 ? nil : "\(role.label): \(n)"
        }
        doc.add(.table(header: ["About the workshop", ""], rows: [
            ["Date", s.date], ["Area", s.area], ["Group", content.groupType(s.groupType)?.label ?? s.groupType],
            ["Plan", content.plan(s.plan).label], ["People", "\(session.people.count)"],
            ["Who took part", roles.joined(separator: "; ")],
            ["Names", s.anonymous ? "Anonymous: statements are not linked to anyone here"
                : "Named with consent (made-up names or initials)"],
            ["Status", session.status == .finished ? "Finished" : "Not finished"],
        ]))
        if !s.anonymous && !session.people.isEmpty {
            doc.add(.heading(1, "People"))
            doc.add(.table(header: ["Name used", "Role", "May be quoted", "From"], rows: session.people.map {
                [$0.label, content.role($0.role)?.label ?? $0.role, $0.consentToQuote ? "yes" : "no",
                 $0.source == .review ? "a review" : "the workshop"]
            }))
        }
        let stages = Set(session.stages(content).map(\.id))
        if stages.contains(.makingItReal) { makingItReal(&doc, session, content) }
        if stages.contains(.workingTogether) || !session.statements.isEmpty { statements(&doc, session, content) }
        if !session.groupThemes.isEmpty { themes(&doc, session, content) }
        if stages.contains(.topTips) { topTips(&doc, session, content) }
        actions(&doc, session, content)
        doc.add(.heading(1, "Wrapping up"))
        for section in Session.sections(of: .wrapUp) {
            let notes = session.notes(in: NoteSlot(.wrapUp, section))
            guard !notes.isEmpty else { continue }
            doc.add(.heading(2, content.sectionLabel(section)))
            doc.add(.bullets(notes.map(\.text)))
        }
        return doc
    }

    static func noteBlocks(_ doc: inout Document, _ session: Session, _ place: NoteSlot.Place, _ content: ContentPacks) {
        for section in Session.sections(of: place) {
            let notes = session.notes(in: NoteSlot(place, section)).map(\.text)
            guard !notes.isEmpty else { continue }
            doc.add(.paragraph(content.sectionLabel(section) + ":"))
            doc.add(section == .causes ? .numbered(notes) : .bullets(notes))
        }
    }

    static func linkedActions(_ doc: inout Document, _ session: Session, _ link: Link) {
        let actions = session.actions(linkedTo: link)
        guard !actions.isEmpty else { return }
        doc.add(.paragraph("Actions:"))
        doc.add(.bullets(actions.map(recordAction)))
    }

    static func makingItReal(_ doc: inout Document, _ session: Session, _ content: ContentPacks) {
        doc.add(.heading(1, "Making It Real"))
        for theme in content.makingItReal.themes {
            rated(&doc, session, content, heading: "\(theme.label) (\(theme.heading))", question: "How it is going",
                  rating: session.themeReview(theme.id).rating, scale: content.makingItReal.scale,
                  place: .makingItReal(theme.id), link: Link(kind: .makingItReal, id: theme.id))
        }
    }

    /// A theme or a tip: its rating in words, its notes, and the actions linked to it.
    static func rated(_ doc: inout Document, _ session: Session, _ content: ContentPacks, heading: String,
                      question: String, rating: String?, scale: [RatingLevel], place: NoteSlot.Place, link: Link) {
        doc.add(.heading(2, heading))
        let label = rating.flatMap { id in scale.first { $0.id == id }?.label }
        doc.add(.paragraph("\(question): \(label ?? "not rated")"))
        noteBlocks(&doc, session, place, content)
        linkedActions(&doc, session, link)
    }

    static func statements(_ doc: inout Document, _ session: Session, _ content: ContentPacks) {
        doc.add(.heading(1, "What people said"))
        let labels = Dictionary(uniqueKeysWithValues: session.people.map { ($0.id, $0.label) })
        for category in content.workingTogether.categories {
            var items = session.statements(in: category.id)
            // Anonymous: no names, and an order that does not keep one person's statements together.
            if session.setup.anonymous { items.sort { $0.text.lowercased() < $1.text.lowercased() } }
            doc.add(.heading(2, "\(category.label) (\(items.count))"))
            if items.isEmpty { continue }
            var header = ["Statement", "Whose words", "Making It Real", "Our theme"]
            if !session.setup.anonymous { header.insert("Name used", at: 0) }
            doc.add(.table(header: header, rows: items.map { statement in
                var row = [
                    statement.text + (statement.source == .review ? " (from a review)" : ""),
                    StageParts.voiceLabel(statement.voice, content),
                    statement.themeId.flatMap { content.theme($0)?.label } ?? "",
                    session.groupThemes.first { $0.id == statement.groupThemeId }?.statement ?? "",
                ]
                if !session.setup.anonymous { row.insert(labels[statement.personId] ?? "", at: 0) }
                return row
            }))
        }
        let decided = session.statements.compactMap(\.suggestion)
        if !decided.isEmpty {
            let yes = decided.filter { $0.decision == .accepted }.count
            doc.add(.paragraph("Suggested Making It Real themes: \(yes) accepted, \(decided.count - yes) ignored."))
        }
    }

    static func themes(_ doc: inout Document, _ session: Session, _ content: ContentPacks) {
        doc.add(.heading(1, "Our themes, and what matters most"))
        doc.add(.table(header: ["Rank", "Theme", "Dots", "Statements", "Making It Real"],
                       rows: session.rankedThemes().enumerated().map { i, theme in
            ["\(i + 1)", theme.statement, "\(theme.totalDots)",
             "\(session.statements.filter { $0.groupThemeId == theme.id }.count)",
             theme.makingItReal.compactMap { content.theme($0)?.label }.joined(separator: "; ")]
        }))
        for theme in session.topThemes(content) {
            doc.add(.heading(2, theme.statement))
            noteBlocks(&doc, session, .groupTheme(theme.id), content)
            linkedActions(&doc, session, Link(kind: .groupTheme, id: theme.id))
        }
    }

    static func topTips(_ doc: inout Document, _ session: Session, _ content: ContentPacks) {
        doc.add(.heading(1, "Top tips for commissioners"))
        for tip in content.topTips.tips {
            rated(&doc, session, content, heading: tip.label, question: "How well they are doing",
                  rating: session.tipReview(tip.id).rating, scale: content.topTips.scale,
                  place: .topTip(tip.id), link: Link(kind: .topTip, id: tip.id))
        }
    }

    static func actions(_ doc: inout Document, _ session: Session, _ content: ContentPacks) {
        doc.add(.heading(1, "Actions"))
        if session.actions.isEmpty {
            doc.add(.paragraph("No actions were agreed."))
            return
        }
        doc.add(.table(header: ["What", "Who", "By when", "Linked to", "Commissioning intention"],
                       rows: session.actions.map {
            [$0.what, $0.who, $0.byWhen, $0.link == nil ? "" : Planning.linkLabel($0.link, session, content),
             $0.intention.flatMap { content.intention($0)?.label } ?? ""]
        }))
    }
}
