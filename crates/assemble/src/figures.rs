//! Fatality and injury figures of an event from the claims about it (CODEBOOK §6).

use std::collections::BTreeMap;

/// One figure as a claimant gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Who gave it (canonical claimant or `None` for the outlet).
    pub claimant: Option<String>,
    /// Whose losses: ISO2 of the victims' side, "civ" for civilians, "" when unknown.
    pub side: String,
    /// Deaths, when given.
    pub killed: Option<u64>,
    /// Injuries, when given.
    pub injured: Option<u64>,
    /// True when the text marks the figure as an earlier, superseded report.
    pub superseded: bool,
    /// True for a revised toll ("the death toll rose to 16"): the latest figure,
    /// which replaces those given before it.
    pub revised: bool,
    /// True for wounded who later died: their deaths leave the injured count.
    pub of_wounded: bool,
}

/// Fatalities and injuries: per side of victims the lowest current figure any
/// claimant gives, summed over sides.
pub fn totals(figures: &[Figure]) -> (u32, u32) {
    // A revised toll replaces every figure of its kind (deaths, injuries) before it.
    let from = |has: fn(&Figure) -> Option<u64>| {
        figures
            .iter()
            .rposition(|f| f.revised && has(f).is_some())
            .unwrap_or(0)
    };
    let (killed_from, injured_from) = (from(|f| f.killed), from(|f| f.injured));
    let pick = |figures: &[Figure], get: fn(&Figure) -> Option<u64>| -> u32 {
        let mut per_side: BTreeMap<&str, u64> = BTreeMap::new();
        for f in figures.iter().filter(|f| !f.superseded) {
            if let Some(v) = get(f) {
                per_side
                    .entry(f.side.as_str())
                    .and_modify(|x| *x = (*x).min(v))
                    .or_insert(v);
            }
        }
        // A figure whose side is not named belongs with the one side that is named
        // (the lower figure wins); with several named sides it cannot be placed.
        if let Some(u) = per_side.get("").copied() {
            let known: Vec<&str> = per_side.keys().copied().filter(|k| !k.is_empty()).collect();
            match known.as_slice() {
                [] => {}
                [one] => {
                    let one = one.to_string();
                    per_side.remove("");
                    if let Some(v) = per_side
                        .iter_mut()
                        .find(|(k, _)| **k == one)
                        .map(|(_, v)| v)
                    {
                        *v = (*v).min(u);
                    }
                }
                _ => {
                    per_side.remove("");
                }
            }
        }
        per_side.values().sum::<u64>().min(u32::MAX as u64) as u32
    };
    let died_of_wounds: u64 = figures[injured_from..]
        .iter()
        .filter(|f| f.of_wounded && !f.superseded)
        .filter_map(|f| f.killed)
        .sum();
    let injured = pick(&figures[injured_from..], |f| f.injured);
    // "One of the wounded died in hospital": a death added to the toll, unless the
    // report revises its toll ("had initially reported three dead"), which counts it.
    let revised_toll = figures
        .iter()
        .any(|f| (f.revised || f.superseded) && f.killed.is_some() && !f.of_wounded);
    // Told twice ("died of his wounds ... one of the wounded had died") is one death:
    // the largest such figure, not their sum.
    let added: u64 = figures
        .iter()
        .enumerate()
        .skip(killed_from)
        .filter(|(_, f)| f.of_wounded && !f.superseded && !revised_toll)
        .filter_map(|(_, f)| f.killed)
        .max()
        .unwrap_or(0);
    let others: Vec<Figure> = figures[killed_from..]
        .iter()
        .filter(|f| !(f.of_wounded && f.killed.is_some()))
        .cloned()
        .collect();
    let killed = pick(&others, |f| f.killed) as u64 + added;
    (
        killed.min(u32::MAX as u64) as u32,
        // A first toll replaced by the one in the lead: the lead is already current.
        if figures.iter().any(|f| f.superseded) {
            injured
        } else {
            injured.saturating_sub(died_of_wounds.min(u32::MAX as u64) as u32)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(side: &str, k: Option<u64>, i: Option<u64>, superseded: bool) -> Figure {
        Figure {
            claimant: None,
            side: side.into(),
            killed: k,
            injured: i,
            superseded,
            revised: false,
            of_wounded: false,
        }
    }

    #[test]
    fn lowest_per_side_summed_over_sides() {
        let f = [
            fig("AZ", None, Some(3), false),
            fig("AZ", None, Some(2), false),
            fig("AM", Some(1), None, false),
        ];
        assert_eq!(totals(&f), (1, 2));
        let f = [
            fig("AM", Some(2), None, true),
            fig("AM", Some(4), Some(1), false),
            fig("AZ", Some(3), None, false),
        ];
        assert_eq!(totals(&f), (7, 1));
        let f = [
            fig("", Some(2), None, false),
            fig("AM", Some(2), None, false),
        ];
        assert_eq!(totals(&f), (2, 0));
    }

    #[test]
    fn a_revised_toll_replaces_earlier_figures() {
        let mut revised = fig("", Some(16), None, false);
        revised.revised = true;
        let f = [fig("civ", Some(12), Some(30), false), revised];
        assert_eq!(totals(&f), (16, 30));
    }

    #[test]
    fn wounded_who_died_leave_the_injured() {
        let mut died = fig("AM", Some(1), None, false);
        died.of_wounded = true;
        let f = [fig("AM", None, Some(2), false), died.clone()];
        assert_eq!(totals(&f), (1, 1));
        // ... and join the dead, whichever side the report gave them.
        let mut unnamed = died.clone();
        unnamed.side = String::new();
        let f = [fig("civ", Some(4), Some(11), false), unnamed];
        assert_eq!(totals(&f), (5, 10));
        // A revised toll counts them already.
        let mut revised = fig("civ", Some(5), None, false);
        revised.revised = true;
        let f = [fig("civ", Some(4), Some(11), false), died.clone(), revised];
        assert_eq!(totals(&f), (5, 10));
        // So does a toll that replaced the first one reported.
        let f = [
            fig("civ", Some(4), Some(11), false),
            fig("civ", Some(3), Some(12), true),
            died,
        ];
        assert_eq!(totals(&f), (4, 11));
    }
}
