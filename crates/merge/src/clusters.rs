//! Joining links into incidents: a union-find that refuses joins no incident can hold.

use crate::features::{imply_dates, place_km, Prep};
use crate::links::{actor_relation, candidate_links, Direction};
use crate::MergeOptions;

pub(crate) fn group_preps(preps: &mut [Prep], opts: &MergeOptions) -> Vec<Vec<usize>> {
    imply_dates(preps, opts);
    let preps = &*preps;
    let mut links = candidate_links(preps, opts);
    links.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    let mut uf = Clusters::new(preps);
    let debug = std::env::var_os("SITREP_DEBUG_MERGE").is_some();
    for &(k, i, j) in &links {
        let ok = uf.try_union(i, j, preps, opts);
        if debug {
            let name = |n: usize| {
                let p = &preps[n];
                format!(
                    "{}:{}",
                    p.doc.chars().take(5).collect::<String>(),
                    p.loc.as_ref().map_or("-", |l| l.name.as_str())
                )
            };
            eprintln!(
                "link {k:.1} {} ~ {} {}",
                name(i),
                name(j),
                if ok { "joined" } else { "refused" }
            );
        }
    }

    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot = vec![usize::MAX; preps.len()];
    for i in 0..preps.len() {
        let r = uf.find(i);
        if slot[r] == usize::MAX {
            slot[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[slot[r]].push(i);
    }
    groups
}

pub(crate) fn dates_compatible(a: (i64, i64), b: (i64, i64), max_days: i64) -> bool {
    let gap = a.0.max(b.0) - a.1.min(b.1);
    gap < max_days.max(1)
}

struct Clusters {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
    span: Vec<Option<(i64, i64)>>,
}

impl Clusters {
    fn new(preps: &[Prep]) -> Clusters {
        Clusters {
            parent: (0..preps.len()).collect(),
            members: (0..preps.len()).map(|i| vec![i]).collect(),
            span: preps.iter().map(|p| p.span).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn try_union(&mut self, i: usize, j: usize, preps: &[Prep], opts: &MergeOptions) -> bool {
        let (ri, rj) = (self.find(i), self.find(j));
        if ri == rj {
            return true;
        }
        if let (Some(x), Some(y)) = (self.span[ri], self.span[rj]) {
            if !dates_compatible(x, y, opts.max_days) {
                return false;
            }
        }
        let (big, small) = if self.members[ri].len() >= self.members[rj].len() {
            (ri, rj)
        } else {
            (rj, ri)
        };
        // Two events of one document join only as its accounts of each side of one
        // exchange; and one incident has one place on each side (CODEBOOK §1): two
        // named places of one country, farther apart than the same place could be,
        // are two incidents.
        let strong_km = opts.max_km / 5.0;
        for &n in &self.members[small] {
            for &m in &self.members[big] {
                if preps[n].doc == preps[m].doc && !same_doc_sides(&preps[m], &preps[n]) {
                    return false;
                }
                if let (Some(x), Some(y)) = (&preps[n].loc, &preps[m].loc) {
                    if x.precision <= 2
                        && y.precision <= 2
                        && x.same_country(y)
                        && place_km(x, y).is_some_and(|d| d > strong_km)
                    {
                        return false;
                    }
                }
            }
        }
        self.parent[small] = big;
        let moved = std::mem::take(&mut self.members[small]);
        self.members[big].extend(moved);
        self.span[big] = match (self.span[big], self.span[small]) {
            (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
            (x, y) => x.or(y),
        };
        true
    }
}

/// Two events of one document that are its account of each side of one exchange:
/// the same days, the same family and sides, and either each side named as the
/// attacker in one of them or each placed on its own side of a border. An event
/// whose place may be the other's firing position does not count.
fn same_doc_sides(a: &Prep, b: &Prep) -> bool {
    if a.span != b.span
        || a.family != b.family
        || a.a1.is_none()
        || a.a2.is_none()
        || a.misplaced
        || b.misplaced
    {
        return false;
    }
    let Some(dir) = actor_relation(a, b) else {
        return false;
    };
    let countries = (
        a.loc.as_ref().and_then(|l| l.country.as_ref()),
        b.loc.as_ref().and_then(|l| l.country.as_ref()),
    );
    dir == Direction::Reversed || matches!(countries, (Some(x), Some(y)) if x != y)
}
