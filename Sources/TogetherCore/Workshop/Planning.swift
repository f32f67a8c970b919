import Foundation
import TogetherContent

/// Actions: what each is linked to, and the commissioning intention it carries.
enum Planning {
    /// What an action can be linked to, in the order Enter steps through them.
    static func linkChoices(_ session: Session, _ content: ContentPacks) -> [Link?] {
        [nil] + session.rankedThemes().map { Link(kind: .groupTheme, id: $0.id) }
            + content.makingItReal.themes.map { Link(kind: .makingItReal, id: $0.id) }
            + content.topTips.tips.map { Link(kind: .topTip, id: $0.id) }
    }

    static func linkLabel(_ link: Link?, _ session: Session, _ content: ContentPacks) -> String {
        guard let link else { return content.say(.nothingYet) }
        switch link.kind {
        case .groupTheme: return content.say(.linkOurTheme, session.groupThemes.first { $0.id == link.id }?.statement ?? "?")
        case .makingItReal: return content.say(.makingItRealLinks, content.theme(link.id)?.label ?? link.id)
        case .topTip: return content.say(.linkTopTip, content.tip(link.id)?.label ?? link.id)
        default: return link.id
        }
    }

    static func intentionLabel(_ id: String?, _ content: ContentPacks) -> String {
        id.flatMap { content.intention($0)?.label } ?? content.say(.notChosenYet)
    }
}

/// The stage timer: started, paused, given more time or hidden by the facilitator, never moving on by itself.
enum Timing {
    static func reduce(_ action: Action, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        let stage = session.position.stage
        let planned = (content.plan(session.setup.plan).minutes[stage.rawValue] ?? 0) * 60
        var timer = session.timers[stage.rawValue] ?? StageTimer(plannedSeconds: planned)
        let now = state.now
        switch action {
        case .timerStartPause:
            if let since = timer.runningSince {
                timer.elapsedSeconds += max(0, Int(now.timeIntervalSince(since)))
                timer.runningSince = nil
                state.status = .init(content.say(.timerPaused))
            } else {
                timer.runningSince = now
                timer.hidden = false
                state.status = .init(content.say(.timerStarted))
            }
        case .timerExtend:
            timer.plannedSeconds += 5 * 60
            state.status = .init(content.say(.timerMore))
        case .timerHide:
            timer.hidden.toggle()
            state.status = .init(content.say(timer.hidden ? .timerHidden : .timerShown))
        default:
            return
        }
        session.timers[stage.rawValue] = timer
    }

    /// What the header shows, to the minute (so the screen changes once a minute at most), or nil.
    static func label(_ timer: StageTimer?, now: Date, _ content: ContentPacks) -> String? {
        guard let timer, !timer.hidden else { return nil }
        let elapsed = timer.elapsed(at: now)
        let left = timer.plannedSeconds - elapsed
        let text: String
        if timer.plannedSeconds == 0 {
            text = content.say(.minSoFar, "\(elapsed / 60)")
        } else if left >= 0 {
            text = content.say(.minLeft, "\((left + 59) / 60)")
        } else {
            text = content.say(.minOver, "\((-left + 59) / 60)")
        }
        return content.say(timer.runningSince == nil ? .timerPausedLabel : .timerLabel, text)
    }
}
