//! Shows, sentence by sentence, what the assembler sees in a plain-text report:
//! `cargo run -p sitrep-assemble --example explain -- FILE [YYYY-MM-DD]`.
use sitrep_assemble::{classify, role_of, Assembler};
use sitrep_core::CleanDoc;
use sitrep_recognise::{
    places::find_places, sentences::split_sentences, triggers::find_triggers, weapons::weapon_names,
};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: explain FILE [YYYY-MM-DD]");
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let published = args.get(1).and_then(|d| d.parse().ok());
    let asm = Assembler::embedded();
    let gaz = asm.gazetteer();
    let names = gaz.find_names(&text);
    for s in split_sentences(&text) {
        let st = s.span.slice(&text);
        let known: Vec<_> = names
            .iter()
            .filter(|n| s.span.contains(&n.span))
            .map(|n| sitrep_core::Span::new(n.span.start - s.span.start, n.span.end - s.span.start))
            .collect();
        let actors =
            sitrep_recognise::actors::ActorFinder::new(&sitrep_assemble::GazetteerCountries(gaz))
                .find(st);
        let trig = find_triggers(st);
        let w = weapon_names(st);
        println!("\n» {st}");
        println!(
            "  triggers: {:?}",
            trig.iter()
                .map(|t| (t.span.slice(st), t.kind, t.negated))
                .collect::<Vec<_>>()
        );
        println!(
            "  type: {:?}  weapons: {w:?}",
            classify(&trig, &w, st, false)
        );
        println!(
            "  actors: {:?}",
            actors
                .iter()
                .map(|a| (a.span.slice(st), a.name.as_str(), role_of(st, a)))
                .collect::<Vec<_>>()
        );
        let agents: Vec<_> = actors
            .iter()
            .filter(|a| role_of(st, a) == sitrep_assemble::Role::Agent)
            .map(|a| a.span)
            .collect();
        for p in find_places(st, &known, &agents) {
            println!(
                "  place: {:?} {:?} {:?} admin={:?} known={}",
                p.name, p.role, p.hint, p.admin, p.known
            );
        }
    }
    let doc = CleanDoc {
        id: "x".into(),
        text: text.clone(),
        title: None,
        published,
        outlet: None,
        url: None,
    };
    for e in asm.assemble(&doc) {
        println!("EVENT {}", serde_json::to_string(&e).unwrap_or_default());
    }
}
