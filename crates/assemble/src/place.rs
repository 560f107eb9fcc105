//! Resolving a place mention to a location through the gazetteer, with the
//! `geo_precision` its phrase warrants (CODEBOOK §3).

use sitrep_core::Location;
use sitrep_geocode::Hints;
use sitrep_recognise::places::{PlaceHint, PlaceMention};

use crate::document::DocContext;
use crate::Assembler;

/// Resolves a place mention to a location through the gazetteer.
pub(crate) fn resolve(
    asm: &Assembler,
    ctx: &DocContext<'_>,
    pm: &PlaceMention,
    near: &[(f64, f64)],
    last_country: Option<&str>,
) -> Option<(Location, String, bool)> {
    let gaz = asm.gazetteer();
    let mut hints = country_hints(ctx);
    if let Some(a) = &pm.admin {
        hints = hints.admin(a.clone());
    }
    hints.near = near.to_vec();
    // "the Syunik part / Gegharkunik section of the border" names a region; a sector
    // is named after its town ("the Forward Kahuta sector", not Haveli district).
    hints.want_region = pm.hint == PlaceHint::Region;
    // "the Kyrgyz border outpost of X": a demonym is not a place; what it qualifies,
    // read as its region ("the Tajik village of Vorukh"), is.
    if gaz.country_by_demonym(&pm.name).is_some() {
        let named = pm.admin.as_ref()?;
        let place = PlaceMention {
            name: named.clone(),
            admin: None,
            alt_names: Vec::new(),
            ..pm.clone()
        };
        return resolve(asm, ctx, &place, near, last_country);
    }
    // "the Kyrgyz Kulundu border outpost": the demonym qualifies the name (tried only
    // when the whole name does not resolve: the first name that does wins).
    let undemonymed = pm
        .name
        .split_once(' ')
        .filter(|(first, rest)| !rest.is_empty() && gaz.country_by_demonym(first).is_some())
        .map(|(_, rest)| rest);
    let names = std::iter::once(pm.name.as_str())
        .chain(undemonymed)
        .chain(pm.alt_names.iter().map(String::as_str));
    for name in names {
        if let Some(c) = gaz.resolve(name, &hints) {
            if c.place.kind == sitrep_geocode::Kind::Country {
                return None;
            }
            let mut loc = c.place.location();
            // "the Grayvoron district" known only by its seat town: the district, placed
            // at the town.
            let regional = c.place.kind.is_admin()
                || pm.hint == PlaceHint::Region
                    && matches!(
                        c.place.kind,
                        sitrep_geocode::Kind::City | sitrep_geocode::Kind::Settlement
                    );
            loc.geo_precision = match pm.hint {
                _ if regional => 3,
                PlaceHint::Settlement if !pm.approximate => 1,
                PlaceHint::Unknown if !pm.approximate && loc.geo_precision == 1 => 1,
                _ => 2,
            };
            // Namesakes of different kinds (Kherson city, Kherson Oblast) are different places.
            let key = format!(
                "{}@{}",
                sitrep_geocode::normalise(&c.place.name),
                c.place.kind
            );
            return Some((loc, key, regional));
        }
    }
    // Not in the gazetteer: keep the name as written, placed in its admin region if that
    // resolves. A bare unknown name counts as a place only with a region named with it
    // ("a market in Kabkabiya in North Darfur").
    if !(pm.hint == PlaceHint::Settlement
        || pm.hint == PlaceHint::Post
        || pm.hint == PlaceHint::Area
        || pm.hint == PlaceHint::Sector
        || pm.admin.is_some())
    {
        return None;
    }
    let admin = pm
        .admin
        .as_ref()
        .and_then(|a| gaz.resolve(a, &region_hints(ctx)));
    let mut loc = Location {
        name: pm.name.clone(),
        country: admin
            .as_ref()
            .map(|a| a.place.country.clone())
            .or_else(|| last_country.map(str::to_string))
            .or_else(|| ctx.countries.first().cloned()),
        admin1: admin
            .as_ref()
            .and_then(|a| a.place.admin1.clone().or(Some(a.place.name.clone()))),
        lat: None,
        lon: None,
        geo_precision: if pm.approximate { 2 } else { 1 },
    };
    if let Some(a) = &admin {
        loc.lat = a.place.lat;
        loc.lon = a.place.lon;
        loc.geo_precision = 3;
    }
    Some((loc, sitrep_geocode::normalise(&pm.name), false))
}

/// The report's countries, strongest first, as hints.
fn country_hints(ctx: &DocContext<'_>) -> Hints {
    ctx.countries
        .iter()
        .take(8)
        .fold(Hints::new(), |h, c| h.country(c.clone()))
}

/// Hints for a region named with a place: a region is wanted, in the countries of the
/// report ("along the LoC in Kashmir" is not Cashmere, Washington).
fn region_hints(ctx: &DocContext<'_>) -> Hints {
    country_hints(ctx).region()
}

/// The region named with a place ("... in Kupwara district"), as a region-level
/// location (precision 3), or the sector named with it ("along the LoC in the
/// Keran sector", "in Uri sector": precision 2, at the sector or its town), when
/// the gazetteer knows it.
pub(crate) fn admin_region(
    asm: &Assembler,
    ctx: &DocContext<'_>,
    pm: &PlaceMention,
) -> Option<(Location, String, bool)> {
    let admin = pm.admin.as_ref()?;
    let c = asm.gazetteer().resolve(admin, &region_hints(ctx))?;
    let regional = c.place.kind.is_admin();
    if c.place.kind == sitrep_geocode::Kind::Country {
        return None;
    }
    let mut loc = c.place.location();
    loc.geo_precision = if regional { 3 } else { 2 };
    let key = format!(
        "{}@{}",
        sitrep_geocode::normalise(&c.place.name),
        c.place.kind
    );
    Some((loc, key, regional))
}

/// "Kharkiv's Kyivskyi district": a district owned by a town, which the gazetteer
/// does not know in the town's region, is a part of that town; the town is the
/// place ("Kherson's Beryslav district" is the district of Kherson Oblast). `text` is the sentence of `pm`.
pub(crate) fn part_of_town(
    asm: &Assembler,
    ctx: &DocContext<'_>,
    pm: &PlaceMention,
    text: &str,
    near: &[(f64, f64)],
    last_country: Option<&str>,
) -> Option<PlaceMention> {
    let owner = pm
        .admin
        .as_deref()
        .filter(|_| pm.hint == PlaceHint::Region)?;
    let before = text.get(..pm.span.start)?;
    let before = before
        .strip_suffix("'s ")
        .or_else(|| before.strip_suffix("’s "))?;
    if !before.ends_with(owner) {
        return None;
    }
    let town = PlaceMention {
        name: owner.to_string(),
        admin: None,
        alt_names: Vec::new(),
        hint: PlaceHint::Unknown,
        ..pm.clone()
    };
    let (town_at, town_key, _) = resolve(asm, ctx, &town, near, last_country)?;
    if !town_key.ends_with("@city") {
        return None;
    }
    // Known to the gazetteer (its key names a kind) and in the town's region.
    let inside = resolve(asm, ctx, pm, near, last_country)
        .is_some_and(|(district, key, _)| key.contains('@') && district.admin1 == town_at.admin1);
    (!inside).then_some(town)
}
