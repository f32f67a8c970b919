#!/usr/bin/env python3
"""Writes assets/content/cy/ from the English packs and the Welsh wording below.

The Welsh is a first draft, to be checked by a fluent Welsh speaker before it is used with a group: every pack
says so in its "review" field, and Together shows that note when a workshop is run in Welsh. Edit the wording
here and run this again; an English string with no Welsh wording stops the script, so nothing is left in English
by mistake. Identifiers, sources and numbers are copied as they are.
"""
import json, pathlib, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
EN = ROOT / "assets/content/en"
CY = ROOT / "assets/content/cy"
REVIEW = "Drafft cyntaf: i'w wirio gan siaradwr Cymraeg rhugl. First draft: to be checked by a fluent Welsh speaker."

WELSH = {
    # Ratings
    "Going well": "Mynd yn dda", "Some good, some bad": "Peth da, peth drwg", "Not going well": "Ddim yn mynd yn dda",
    "We are not sure": "Dydyn ni ddim yn siŵr", "Doing well": "Gwneud yn dda", "Getting there": "Dod yn eu blaen",
    "Not yet": "Ddim eto",
    # Making It Real
    "Keeping safe and well": "Cadw'n ddiogel ac yn iach", "Wellbeing and independence": "Llesiant ac annibyniaeth",
    "Do you feel safe? Do you keep well? Can you do the things you enjoy?":
        "Ydych chi'n teimlo'n ddiogel? Ydych chi'n cadw'n iach? Allwch chi wneud y pethau rydych chi'n eu mwynhau?",
    "Information I need when I need it": "Y wybodaeth sydd ei hangen arna i, pan fydd ei hangen",
    "Information and advice": "Gwybodaeth a chyngor",
    "Do you get the information you need? Is it easy to understand? Does it come at the right time?":
        "Ydych chi'n cael y wybodaeth sydd ei hangen arnoch chi? Ydy hi'n hawdd ei deall? Ydy hi'n dod ar yr amser iawn?",
    "Keeping family and friends and connections": "Cadw teulu, ffrindiau a chysylltiadau",
    "Active and supportive communities": "Cymunedau gweithgar sy'n cefnogi",
    "Do you see the people who matter to you? Are you part of things where you live?":
        "Ydych chi'n gweld y bobl sy'n bwysig i chi? Ydych chi'n rhan o bethau lle rydych chi'n byw?",
    "My support my own way": "Fy nghefnogaeth i, yn fy ffordd i",
    "Flexible and integrated care and support": "Gofal a chefnogaeth hyblyg sy'n gweithio gyda'i gilydd",
    "Does your support fit your life? Do the people who help you work well together?":
        "Ydy eich cefnogaeth yn ffitio eich bywyd? Ydy'r bobl sy'n eich helpu yn gweithio'n dda gyda'i gilydd?",
    "Staying in control": "Cadw rheolaeth", "When things need to change": "Pan fydd angen i bethau newid",
    "When things change, do you still have a say? Do people ask you first?":
        "Pan fydd pethau'n newid, oes gennych chi lais o hyd? Ydy pobl yn gofyn i chi yn gyntaf?",
    "The people who support me": "Y bobl sy'n fy nghefnogi", "Workforce": "Y gweithlu",
    "Do the people who support you know you well? Do they have time for you?":
        "Ydy'r bobl sy'n eich cefnogi yn eich adnabod yn dda? Oes ganddyn nhw amser i chi?",
    # Working Together for Change
    "Working": "Yn gweithio", "What is working well in your life?": "Beth sy'n gweithio'n dda yn eich bywyd?",
    "Needs to change": "Angen newid", "What is not working? What needs to change?":
        "Beth sydd ddim yn gweithio? Beth sydd angen newid?",
    "For the future": "Ar gyfer y dyfodol", "What would you like in the future?": "Beth hoffech chi yn y dyfodol?",
    # Top tips
    "Stand up to unfair treatment": "Sefyll yn erbyn triniaeth annheg",
    "Do the people who plan support know what makes life unfair for you? Do they act on it?":
        "Ydy'r bobl sy'n cynllunio cefnogaeth yn gwybod beth sy'n gwneud bywyd yn annheg i chi? Ydyn nhw'n gwneud rhywbeth am y peth?",
    "Make changes so things work for you": "Newid pethau fel eu bod yn gweithio i chi",
    "Do doctors, hospitals and other places change how they do things for you?":
        "Ydy meddygon, ysbytai a lleoedd eraill yn newid sut maen nhw'n gwneud pethau i chi?",
    "Find out what matters to you": "Dod i wybod beth sy'n bwysig i chi",
    "Do they ask what matters to you? Do they know your rights come first?":
        "Ydyn nhw'n gofyn beth sy'n bwysig i chi? Ydyn nhw'n gwybod bod eich hawliau yn dod yn gyntaf?",
    "Nothing about us without us": "Dim byd amdanon ni hebddon ni",
    "Are you part of the plans from the start, not just asked at the end?":
        "Ydych chi'n rhan o'r cynlluniau o'r dechrau? Neu ydych chi'n cael eich holi ar y diwedd yn unig?",
    "Be brave": "Bod yn ddewr",
    "Do they let you try new things? Or do they worry too much about risk?":
        "Ydyn nhw'n gadael i chi roi cynnig ar bethau newydd? Neu ydyn nhw'n poeni gormod am risg?",
    "Give people information and time": "Rhoi gwybodaeth ac amser i bobl",
    "Do you get clear information? Do you get enough time to think and say what you want?":
        "Ydych chi'n cael gwybodaeth glir? Ydych chi'n cael digon o amser i feddwl a dweud beth rydych chi eisiau?",
    "Agree what we are aiming for": "Cytuno ar beth rydyn ni'n anelu ato",
    "Do you and the people who plan support want the same things? Do you all know what to expect?":
        "Ydych chi a'r bobl sy'n cynllunio cefnogaeth eisiau'r un pethau? Ydych chi i gyd yn gwybod beth i'w ddisgwyl?",
    "Make change happen": "Gwneud i newid ddigwydd",
    "When things are agreed, do they really happen? How quickly?":
        "Pan fydd pethau wedi'u cytuno, ydyn nhw'n digwydd go iawn? Pa mor gyflym?",
    # Workshop: roles, groups, levels, plans, intentions, notes, stages
    "Person with lived experience": "Person â phrofiad bywyd", "Family carer": "Gofalwr teulu", "Advocate": "Eiriolwr",
    "Supporter": "Cefnogwr", "Support provider": "Darparwr cefnogaeth", "Commissioner": "Comisiynydd", "Other": "Arall",
    "Self-advocacy group": "Grŵp hunan-eiriolaeth", "Family carers group": "Grŵp gofalwyr teulu",
    "Mixed group": "Grŵp cymysg", "Providers group": "Grŵp darparwyr", "Partnership board": "Bwrdd partneriaeth",
    "One person's support": "Cefnogaeth un person", "A service or team": "Gwasanaeth neu dîm",
    "The whole area": "Yr ardal gyfan", "The full workshop": "Y gweithdy llawn",
    "A shorter one-day workshop": "Gweithdy byrrach, un diwrnod", "Making It Real only": "Making It Real yn unig",
    "Top tips only": "Awgrymiadau da yn unig",
    "Keep paying for it (continue investing)": "Dal i dalu amdano (parhau i fuddsoddi)",
    "Stop paying for it (decommission)": "Stopio talu amdano",
    "Pay for something new (commission new)": "Talu am rywbeth newydd",
    "Change how it works (reconfigure)": "Newid sut mae'n gweithio (ad-drefnu)",
    "Examples": "Enghreifftiau", "Notes": "Nodiadau", "What gets in the way": "Beth sy'n rhwystro",
    "What should happen": "Beth ddylai ddigwydd", "Why? (each one goes deeper)": "Pam? (mae pob un yn mynd yn ddyfnach)",
    "What good would look like": "Sut olwg fyddai ar beth da", "Where people did not agree": "Lle nad oedd pobl yn cytuno",
    "Who we have not heard from": "Pwy nad ydyn ni wedi clywed ganddyn nhw", "What happens next": "Beth sy'n digwydd nesaf",
    "What we will tell people back": "Beth fyddwn ni'n ei ddweud wrth bobl", "Anything else": "Unrhyw beth arall",
    "Getting ready": "Paratoi", "Tell Together about this workshop and who is here.":
        "Dywedwch wrth Together am y gweithdy hwn a phwy sydd yma.",
    "Making It Real": "Making It Real", "How are things going here? Give an example if you can.":
        "Sut mae pethau'n mynd yma? Rhowch enghraifft os gallwch chi.",
    "Working Together for Change": "Cydweithio er mwyn Newid",
    "Each person says what is working and what needs to change. Then, what they want for the future.":
        "Mae pob person yn dweud beth sy'n gweithio a beth sydd angen newid. Yna, beth maen nhw eisiau ar gyfer y dyfodol.",
    "Finding themes": "Dod o hyd i themâu",
    "Put the things people said into groups. Give each group a name that starts with I.":
        "Rhowch y pethau a ddywedodd pobl mewn grwpiau. Rhowch enw i bob grŵp sy'n dechrau gyda Rydw i.",
    "What matters most": "Beth sy'n bwysig fwyaf",
    "Everyone puts their dots on the themes that matter most to them.":
        "Mae pawb yn rhoi eu dotiau ar y themâu sydd bwysicaf iddyn nhw.",
    "Why, and what good looks like": "Pam, a sut olwg sydd ar beth da",
    "Why is this happening? Ask why again to go deeper. What would good look like?":
        "Pam mae hyn yn digwydd? Gofynnwch pam eto i fynd yn ddyfnach. Sut olwg fyddai ar beth da?",
    "Top tips for the people who plan support": "Awgrymiadau da i'r bobl sy'n cynllunio cefnogaeth",
    "How well are they doing? What gets in the way?": "Pa mor dda maen nhw'n ei wneud? Beth sy'n rhwystro?",
    "What we will do": "Beth fyddwn ni'n ei wneud", "What will happen, who will do it, and by when.":
        "Beth fydd yn digwydd, pwy fydd yn ei wneud, ac erbyn pryd.",
    "Wrapping up": "Gorffen", "What happens next? Who have we not heard from? What will we tell people?":
        "Beth sy'n digwydd nesaf? Pwy nad ydyn ni wedi clywed ganddyn nhw? Beth fyddwn ni'n ei ddweud wrth bobl?",
    "Finished": "Wedi gorffen", "Thank you for taking part.": "Diolch am gymryd rhan.",
}

# commissioning.json: the words commissioners read in the tally's mapping.
WELSH_COMMISSIONING = {
    "How the tally puts what people said into the language commissioners use. Each link has a reason, so a reader can question it. Edit freely: the tally checks that every id here is known.":
        "Sut mae'r cyfrif yn rhoi'r hyn a ddywedodd pobl yn iaith comisiynwyr. Mae rheswm i bob cysylltiad, fel bod darllenydd yn gallu ei holi. Golygwch yn rhydd: mae'r cyfrif yn gwirio bod pob id yma'n hysbys.",
    "Person-centred and outcomes-focused": "Yn canolbwyntio ar yr unigolyn ac ar ganlyniadau",
    "Inclusive": "Cynhwysol", "Well led": "Wedi'i arwain yn dda",
    "Promotes a sustainable and diverse market place": "Yn hybu marchnad gynaliadwy ac amrywiol",
    "Person-centred and focuses on outcomes": "Yn canolbwyntio ar yr unigolyn ac ar ganlyniadau",
    "Promotes health and wellbeing": "Yn hybu iechyd a llesiant", "Delivers social value": "Yn creu gwerth cymdeithasol",
    "Co-produced with local people, their carers and communities":
        "Wedi'i gyd-gynhyrchu gyda phobl leol, eu gofalwyr a'u cymunedau",
    "Positive engagement with providers": "Ymgysylltu cadarnhaol â darparwyr", "Promotes equality": "Yn hybu cydraddoldeb",
    "A whole system approach": "Dull system gyfan", "Uses evidence about what works": "Yn defnyddio tystiolaeth am beth sy'n gweithio",
    "A diverse and sustainable market": "Marchnad amrywiol a chynaliadwy", "Provides value for money": "Yn rhoi gwerth am arian",
    "Develops the workforce": "Yn datblygu'r gweithlu",
    "Analyse": "Dadansoddi", "Plan": "Cynllunio", "Do (secure services)": "Gwneud (sicrhau gwasanaethau)", "Review": "Adolygu",
    "What is working is evidence for reviewing services: what to keep and keep investing in.":
        "Mae'r hyn sy'n gweithio yn dystiolaeth ar gyfer adolygu gwasanaethau: beth i'w gadw a pharhau i fuddsoddi ynddo.",
    "What is not working shows the gaps: it feeds the analysis of need and the review of what is commissioned now.":
        "Mae'r hyn sydd ddim yn gweithio yn dangos y bylchau: mae'n bwydo'r dadansoddiad o angen a'r adolygiad o'r hyn sy'n cael ei gomisiynu nawr.",
    "What people want for the future shapes the plan: the outcomes to commission for.":
        "Mae'r hyn mae pobl ei eisiau ar gyfer y dyfodol yn siapio'r cynllun: y canlyniadau i'w comisiynu.",
    "Continuing to invest is a decision about securing services.":
        "Mae parhau i fuddsoddi yn benderfyniad am sicrhau gwasanaethau.",
    "Stopping a service follows a review and changes what is secured.":
        "Mae stopio gwasanaeth yn dilyn adolygiad ac yn newid yr hyn sy'n cael ei sicrhau.",
    "A new service is planned, then secured.": "Mae gwasanaeth newydd yn cael ei gynllunio, yna ei sicrhau.",
    "Changing a service is planned, then secured in its new shape.":
        "Mae newid gwasanaeth yn cael ei gynllunio, yna ei sicrhau yn ei ffurf newydd.",
    "People stay safe and well, and get health care that works for them.":
        "Mae pobl yn cadw'n ddiogel ac yn iach, ac yn cael gofal iechyd sy'n gweithio iddyn nhw.",
    "Staying safe and healthy is a wellbeing outcome (standard 2), judged by what people say about their own lives (standard 1).":
        "Mae cadw'n ddiogel ac yn iach yn ganlyniad llesiant (safon 2), wedi'i farnu yn ôl yr hyn mae pobl yn ei ddweud am eu bywydau eu hunain (safon 1).",
    "Look at safety, health access and reasonable adjustments in health services with the people who use them.":
        "Edrychwch ar ddiogelwch, mynediad at iechyd ac addasiadau rhesymol mewn gwasanaethau iechyd gyda'r bobl sy'n eu defnyddio.",
    "People get information and advice they can understand, when they need it.":
        "Mae pobl yn cael gwybodaeth a chyngor y gallan nhw eu deall, pan fydd eu hangen.",
    "Information people can use is a reasonable adjustment (equality, standard 6) and the first step to taking part in decisions (co-production, standard 4).":
        "Mae gwybodaeth y gall pobl ei defnyddio yn addasiad rhesymol (cydraddoldeb, safon 6) a'r cam cyntaf at gymryd rhan mewn penderfyniadau (cyd-gynhyrchu, safon 4).",
    "Ask for accessible information (for example easy read) in every contract, and check it with the people it is for.":
        "Gofynnwch am wybodaeth hygyrch (er enghraifft hawdd ei darllen) ym mhob contract, a'i gwirio gyda'r bobl y mae hi ar eu cyfer.",
    "People keep their family, friends and connections, and take part in community life.":
        "Mae pobl yn cadw eu teulu, eu ffrindiau a'u cysylltiadau, ac yn cymryd rhan ym mywyd y gymuned.",
    "Friendships, work, learning and community life are social value (standard 3) and protect wellbeing (standard 2).":
        "Mae cyfeillgarwch, gwaith, dysgu a bywyd cymunedol yn werth cymdeithasol (safon 3) ac yn diogelu llesiant (safon 2).",
    "Commission for connections: transport, friendships, work and volunteering, not only for hours of support.":
        "Comisiynwch ar gyfer cysylltiadau: trafnidiaeth, cyfeillgarwch, gwaith a gwirfoddoli, nid oriau o gefnogaeth yn unig.",
    "People get support that fits their life, in the way they choose.":
        "Mae pobl yn cael cefnogaeth sy'n ffitio eu bywyd, yn y ffordd maen nhw'n ei dewis.",
    "Support shaped around the person is the core of person-centred commissioning (standard 1), and real choice needs a range of providers (standard 10).":
        "Cefnogaeth wedi'i siapio o gwmpas yr unigolyn yw craidd comisiynu sy'n canolbwyntio ar yr unigolyn (safon 1), ac mae dewis go iawn angen amrywiaeth o ddarparwyr (safon 10).",
    "Widen choice: personal budgets and direct payments that work, and a range of providers to choose from.":
        "Ehangwch ddewis: cyllidebau personol a thaliadau uniongyrchol sy'n gweithio, ac amrywiaeth o ddarparwyr i ddewis ohonyn nhw.",
    "People stay in control of decisions about their life and their support.":
        "Mae pobl yn cadw rheolaeth dros benderfyniadau am eu bywyd a'u cefnogaeth.",
    "Being in control of decisions is an outcome people name (standard 1), and it needs people involved in every decision about them (standard 4).":
        "Mae rheoli penderfyniadau yn ganlyniad mae pobl yn ei enwi (safon 1), ac mae angen cynnwys pobl ym mhob penderfyniad amdanyn nhw (safon 4).",
    "Make reviews and changes person-led, and involve people in commissioning decisions from the start.":
        "Gwnewch adolygiadau a newidiadau dan arweiniad yr unigolyn, a chynnwys pobl mewn penderfyniadau comisiynu o'r dechrau.",
    "People are supported by staff who know them, are skilled and have time.":
        "Mae pobl yn cael eu cefnogi gan staff sy'n eu hadnabod, sy'n fedrus ac sydd ag amser.",
    "Who supports people depends on developing the workforce (standard 12) and on working with providers (standard 5).":
        "Mae pwy sy'n cefnogi pobl yn dibynnu ar ddatblygu'r gweithlu (safon 12) ac ar weithio gyda darparwyr (safon 5).",
    "Work with providers on continuity of staff, training with people who use services, and time to do the job well.":
        "Gweithiwch gyda darparwyr ar gysondeb staff, hyfforddiant gyda phobl sy'n defnyddio gwasanaethau, ac amser i wneud y gwaith yn dda.",
}

# Fields that are words for people; everything else (ids, sources, numbers, symbols) is copied.
WORD_FIELDS = {"label", "prompt", "heading"}
COMMISSIONING_FIELDS = {"label", "about", "reason", "objective", "implication"}


def translate(value, key, name, fields=WORD_FIELDS, wording=WELSH):
    if isinstance(value, dict):
        return {k: (v if k in ("source", "id") else translate(v, k, name, fields, wording)) for k, v in value.items()}
    if isinstance(value, list):
        return [translate(v, key, name, fields, wording) for v in value]
    if isinstance(value, str) and key in fields:
        if value not in wording:
            sys.exit(f"{name}: no Welsh wording for {value!r}: add it in {__file__}")
        return wording[value]
    return value


def main():
    CY.mkdir(parents=True, exist_ok=True)
    for name in ["making-it-real.json", "working-together.json", "top-tips.json", "workshop.json", "commissioning.json"]:
        pack = json.loads((EN / name).read_text(encoding="utf-8"))
        if name == "commissioning.json":
            welsh = translate(pack, None, name, COMMISSIONING_FIELDS, WELSH_COMMISSIONING)
        else:
            welsh = translate(pack, None, name)
        welsh["language"] = "cy"
        welsh["review"] = REVIEW
        (CY / name).write_text(json.dumps(welsh, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote the Welsh packs in {CY}")


if __name__ == "__main__":
    main()
