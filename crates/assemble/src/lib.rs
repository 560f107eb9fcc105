//! Assembly: turns a cleaned report into coded incident records (CODEBOOK §1–§6).
//!
//! For each sentence the recognisers give triggers, actors, places, dates,
//! times, weapons, casualty figures and claimants; the assembler builds one
//! frame per target place, resolves places through the gazetteer, fills in the
//! sides, dates and claimants that a sentence leaves implicit from the rest of
//! the report, and merges frames that are one event (same place, same day, same
//! kind of interaction).
//!
//! ```
//! use sitrep_assemble::Assembler;
//! use sitrep_core::CleanDoc;
//! let doc = CleanDoc {
//!     id: "r1".into(),
//!     text: "On March 3, Armenian units opened fire on Azerbaijani positions in the direction of Kokhanebi settlement of the Tovuz region, the Defence Ministry of Azerbaijan said.".into(),
//!     title: None,
//!     published: Some(jiff::civil::date(2024, 3, 4)),
//!     outlet: None,
//!     url: None,
//! };
//! let events = Assembler::embedded().assemble(&doc);
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].date.unwrap().to_string(), "2024-03-03");
//! assert_eq!(events[0].actor1.as_deref(), Some("Military Forces of Armenia"));
//! ```

mod classify;
mod countries;
mod document;
mod entries;
mod figures;
mod frame;
mod merge;
mod place;
mod roles;
mod scan;
mod sides;

use std::sync::OnceLock;

use sitrep_core::{CleanDoc, Event};
use sitrep_geocode::Gazetteer;
use sitrep_recognise::actors::ActorFinder;

pub use classify::classify;
pub use countries::GazetteerCountries;
pub use figures::{totals, Figure};
pub use roles::{role_of, Role};

/// Builds incident records from cleaned documents. Build once; it is `Sync`.
#[derive(Debug)]
pub struct Assembler {
    gazetteer: &'static Gazetteer,
    actors: ActorFinder,
}

impl Assembler {
    /// An assembler over the given gazetteer.
    pub fn new(gazetteer: &'static Gazetteer) -> Self {
        let actors = ActorFinder::new(&GazetteerCountries(gazetteer));
        Assembler { gazetteer, actors }
    }

    /// The assembler over the bundled gazetteer, built once.
    pub fn embedded() -> &'static Assembler {
        static ONE: OnceLock<Assembler> = OnceLock::new();
        ONE.get_or_init(|| Assembler::new(Gazetteer::embedded()))
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gazetteer
    }

    /// The incident records of one document.
    pub fn assemble(&self, doc: &CleanDoc) -> Vec<Event> {
        let ctx = document::DocContext::build(self, doc);
        let frames = frame::build_frames(self, &ctx);
        if std::env::var_os("SITREP_DEBUG_FRAMES").is_some() {
            for f in &frames {
                eprintln!(
                    "frame s{} {:?} {} {} {:?} {:?} regional={} named_region={} prec={} ctx={}",
                    f.sentence,
                    f.sub,
                    f.place_key,
                    f.location.name,
                    f.date,
                    f.headline,
                    f.regional,
                    f.named_region,
                    f.location.geo_precision,
                    f.context
                );
            }
        }
        let frames = merge::merge_frames(frames);
        frames
            .into_iter()
            .filter(|f| !f.is_background_aggregate())
            .map(|f| f.into_event(&ctx))
            .collect()
    }
}
