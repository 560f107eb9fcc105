//! Weapon mentions, normalised to the CODEBOOK's list.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use sitrep_core::Span;

/// Surface forms and the normalised weapon each names.
const WEAPONS: &[(&str, &str)] = &[
    ("small arms", "small arms"),
    ("small-arms", "small arms"),
    ("small caliber", "small arms"),
    ("small calibre", "small arms"),
    ("small-caliber", "small arms"),
    ("assault rifle", "small arms"),
    ("rifles", "small arms"),
    ("automatic weapons", "small arms"),
    ("gunfire", "small arms"),
    ("various caliber", "small arms"),
    ("various calibre", "small arms"),
    ("various-caliber", "small arms"),
    ("group weapons", "machine gun"),
    ("sniper", "sniper"),
    ("snipers", "sniper"),
    ("machine gun", "machine gun"),
    ("machine-gun", "machine gun"),
    ("machine guns", "machine gun"),
    ("large-caliber", "machine gun"),
    ("large caliber", "machine gun"),
    ("large-calibre", "machine gun"),
    ("heavy machine", "machine gun"),
    ("grenade launcher", "grenade launcher"),
    ("grenade launchers", "grenade launcher"),
    ("rpg", "grenade launcher"),
    ("hand grenade", "grenade"),
    ("grenade", "grenade"),
    ("grenades", "grenade"),
    ("mortar", "mortar"),
    ("mortars", "mortar"),
    ("mortar shells", "mortar"),
    ("artillery", "artillery"),
    ("howitzer", "artillery"),
    ("howitzers", "artillery"),
    ("shells", "artillery"),
    ("cannon", "artillery"),
    ("grad", "rocket"),
    ("grads", "rocket"),
    ("mlrs", "rocket"),
    ("multiple rocket", "rocket"),
    ("rocket", "rocket"),
    ("rockets", "rocket"),
    ("katyusha", "rocket"),
    ("missile", "missile"),
    ("missiles", "missile"),
    ("anti-tank", "missile"),
    ("atgm", "missile"),
    ("ballistic", "missile"),
    ("drone", "drone"),
    ("drones", "drone"),
    ("uav", "drone"),
    ("uavs", "drone"),
    ("unmanned aerial vehicle", "drone"),
    ("unmanned aerial vehicles", "drone"),
    ("quadcopter", "drone"),
    ("quadrocopter", "drone"),
    ("kamikaze drone", "drone"),
    ("loitering munition", "drone"),
    ("shahed", "drone"),
    ("landmine", "landmine"),
    ("landmines", "landmine"),
    ("land mine", "landmine"),
    ("anti-personnel mine", "landmine"),
    ("anti-tank mine", "landmine"),
    ("antitank mine", "landmine"),
    ("mine explosion", "landmine"),
    ("ied", "landmine"),
    ("explosive device", "landmine"),
    ("roadside bomb", "landmine"),
    ("car bomb", "landmine"),
    ("aircraft", "aircraft"),
    ("warplane", "aircraft"),
    ("warplanes", "aircraft"),
    ("fighter jet", "aircraft"),
    ("combat helicopter", "aircraft"),
    ("helicopter", "aircraft"),
    ("airstrike", "aircraft"),
    ("air strike", "aircraft"),
    ("guided aerial bomb", "aircraft"),
    ("guided aerial bombs", "aircraft"),
    ("aerial bombs", "aircraft"),
    ("aerial bomb", "aircraft"),
    ("guided bomb", "aircraft"),
    ("guided bombs", "aircraft"),
    ("glide bomb", "aircraft"),
    ("glide bombs", "aircraft"),
    ("fighter jets", "aircraft"),
    ("air force", "aircraft"),
    ("jets", "aircraft"),
    ("jet", "aircraft"),
    ("tank", "tank"),
    ("tanks", "tank"),
];

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(WEAPONS.iter().map(|(k, _)| *k))
        .expect("weapon automaton")
});

/// A weapon named in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeaponMention {
    /// Bytes of the surface form.
    pub span: Span,
    /// Normalised name (`small arms`, `mortar`, `drone`, ...).
    pub weapon: &'static str,
}

/// True when the match is a whole word, or a whole word but for a plural "s"
/// ("kamikaze drones" where only the singular is listed).
fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let rest = &text[end..];
    let rest = rest
        .strip_prefix('s')
        .filter(|r| !r.starts_with(char::is_alphanumeric))
        .unwrap_or(rest);
    let after = rest.chars().next();
    let wordish = |c: char| c.is_alphanumeric() || c == '-';
    !before.is_some_and(wordish) && !after.is_some_and(|c| c.is_alphanumeric())
}

/// Every weapon named in `text`, in order. An explosive device a drone drops is the
/// drone's munition, no mine.
pub fn find_weapons(text: &str) -> Vec<WeaponMention> {
    let mut found = surface_weapons(text);
    if found.iter().any(|w| w.weapon == "drone") && drops(text) {
        found.retain(|w| {
            !(w.weapon == "landmine"
                && text[w.span.start..w.span.end].eq_ignore_ascii_case("explosive device"))
        });
    }
    found
}

/// Whether `text` tells of something dropped ("drop", "dropped", "dropping").
fn drops(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "drop" | "drops" | "dropped" | "dropping"
        )
    })
}

fn surface_weapons(text: &str) -> Vec<WeaponMention> {
    MATCHER
        .find_iter(text)
        .filter(|m| is_word_boundary(text, m.start(), m.end()))
        .filter(|m| {
            // "tank" in "tanker"/"think tank" is not a weapon; "Grad" needs a capital.
            let s = &text[m.start()..m.end()];
            !(s.eq_ignore_ascii_case("grad") || s.eq_ignore_ascii_case("grads"))
                || s.starts_with('G')
        })
        .map(|m| WeaponMention {
            span: Span::new(m.start(), m.end()),
            weapon: WEAPONS[m.pattern().as_usize()].1,
        })
        .collect()
}

/// Normalised weapon names in `text`, deduplicated, in order of first mention.
pub fn weapon_names(text: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for m in find_weapons(text) {
        if !out.contains(&m.weapon) {
            out.push(m.weapon);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_surface_forms() {
        let t = "fired with small-arms, 82-mm mortars and a UAV; an anti-tank guided missile";
        assert_eq!(
            weapon_names(t),
            vec!["small arms", "mortar", "drone", "missile"]
        );
    }

    #[test]
    fn a_dropped_explosive_device_is_the_drone_s_munition() {
        let t = "A quadcopter dropped an explosive device on the trench.";
        assert_eq!(weapon_names(t), vec!["drone"]);
        let t = "An explosive device went off under a truck; a drone was seen later.";
        assert_eq!(weapon_names(t), vec!["landmine", "drone"]);
    }

    #[test]
    fn needs_word_boundaries() {
        assert!(weapon_names("the tanker and the think-tanks").is_empty());
        assert!(weapon_names("gradual remount").is_empty());
        // A plural of a listed phrase is still the weapon.
        assert_eq!(
            weapon_names("struck the district with artillery and kamikaze drones"),
            vec!["artillery", "drone"]
        );
        assert!(weapon_names("the kamikaze dronest").is_empty());
        assert_eq!(weapon_names("an anti-tank mine exploded"), vec!["landmine"]);
    }
}
