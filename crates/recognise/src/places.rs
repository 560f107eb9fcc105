//! Place phrases: the shapes conflict reports name places in ("X settlement of
//! the Y region", "in the directions of A, B and C settlements", "from the
//! positions in X", "at Uri, Keran and Gurez sectors"), with the role each place
//! plays: where fire landed (target) or where it came from (origin).

use std::sync::LazyLock;

use regex::Regex;
use sitrep_core::Span;

use crate::pattern::regex;

/// The part a place plays in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceRole {
    /// Where the event happened (the positions that came under fire).
    Target,
    /// Where fire came from.
    Origin,
}

/// What the phrase says the place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceHint {
    /// A settlement, village, town or city.
    Settlement,
    /// A region, district, province or "direction" (precision 3).
    Region,
    /// A height, hill, lake or named area (precision 2).
    Area,
    /// A sector, section or stretch of border (precision 2).
    Sector,
    /// A border post or outpost (precision 2).
    Post,
    /// Nothing said.
    Unknown,
}

/// A place named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Bytes of the name.
    pub span: Span,
    /// The name as written.
    pub name: String,
    /// Other names given in brackets right after it ("Ashaghi Shorzha (Nerkin Shorzha)").
    pub alt_names: Vec<String>,
    /// What the phrase says it is.
    pub hint: PlaceHint,
    /// The region named with it ("of the Kalbajar region").
    pub admin: Option<String>,
    /// Target or origin.
    pub role: PlaceRole,
    /// Mentions of one list share a group number.
    pub group: usize,
    /// True when "near", "in the direction of", "area of" qualifies it (precision 2).
    pub approximate: bool,
    /// True when the gazetteer knows the name.
    pub known: bool,
}

const NAME: &str = r"(?:(?:al|el|an|ad|as|ash|at)-)?[A-Z][A-Za-z\x{C0}-\x{2AF}\x{1E00}-\x{1EFF}’'\-]*(?:[ \-](?:(?:al|el|an|ad|as|ash|at)-|(?:da|de|do|dos|das|del|di|du) )?[A-Z][A-Za-z\x{C0}-\x{2AF}\x{1E00}-\x{1EFF}’'\-]*){0,3}";
const NOUN: &str = r"(?i:settlements?|villages?|towns?|city|cities|neighbou?rhoods?|suburbs?|regions?|districts?|provinces?|oblasts?|rayons?|marz|sectors?|heights?|border outposts?|outposts?|areas?|directions?|section|part|communit(?:y|ies)|localit(?:y|ies)|hromadas?|jamoats?|hills?|lake|valley|corridor|governorate|county|departments?|state|tehsils?|temple|monastery|mosque|checkpoint|crossing|airport|air ?base|bridge|dam|mountains?|pass|camp|barracks|military base|base)";

static NAME_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?P<name>{NAME})(?:\s+\((?P<alt>[^)]{{1,60}})\))?\s+(?P<noun>{NOUN})(?-u:\b)"
    ))
});

/// "in the eastern (Martuni) direction": a name in brackets after a lowercase word
/// and before its place word.
static BRACKETED_NAME_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?-u:\b)[a-z][a-z-]+\s+\((?P<name>{NAME})\)\s+(?P<noun>{NOUN})(?-u:\b)"
    ))
});

static NOUN_OF_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?-u:\b)(?P<noun>villages?|towns?|city|settlements?|communit(?:y|ies)|kibbutz|moshav|hamlets?|areas?|regions?|vicinity|outskirts|suburbs|directions?|heights|sectors?|territor(?:y|ies)|environs|department|province|governorate) of (?:the )?(?P<name>{NAME})"
    ))
});

/// "the Kyrgyz border outpost Bulak-Bashy", "the village Kut": a singular place word
/// right before the name.
static NOUN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?-u:\b)(?P<noun>border outpost|outpost|checkpoint|village|town|settlement)\s+[\x22“«]?(?P<name>{NAME})"
    ))
});

/// The object of a verb of hitting: "shelled Orikhiv", "a strike on Kupiansk",
/// "positions in Babanusa", or a name right after "in", "near" or "outside". A name found
/// only this way is a place when the gazetteer resolves it.
static HIT_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?-u:\b)(?:shelled|struck|bombed|bombarded|pounded|attacked|raided|stormed|overran|targeted|hit|shelling of|bombing of|strikes? on|attacks? on|(?:bombs?|shells?|missiles?|rockets?|drones?) (?:on|at)|fired (?:at|on)|opened fire on|(?:positions?|posts?|bases?) (?:in|near|at|around)|near|close to|not far from|outside|over|above|[Ii]n|on the outskirts of|in the (?:vicinity|area) of|(?:returning|returned|trying to return) to)\s+(?P<name>{NAME})"
    ))
});

/// "called on Baku to withdraw them": a capital addressed is its government.
static ADDRESSED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:called on|calls on|urged|urges|asked|accused|accuses|warned|warns|demanded of|appealed to)\s+$",
    )
});

/// What a conflict is over ("the fighting over Nagorno-Karabakh", "the dispute over
/// the border"): its subject, not where anything happened.
static TOPIC_OVER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:fighting|fight|conflict|war|wars|dispute|disputes|tensions?|talks|negotiations|clashes|hostilities|standoff|row|rivalry|struggle) over (?:the )?$",
    )
});

/// A name heading its line ("Rodynske: artillery shelling damaged ..."), a place
/// when the gazetteer knows it.
static LINE_HEAD: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"^(?:[-–—•*]\s*)?(?P<name>{NAME}):\s")));

/// Places that are the subject of a passive hit: "Huliaipole was shelled with
/// artillery", "Antonivka and Sadove were shelled", "Tiahynka came under mortar fire".
/// Names found only this way are places when the gazetteer resolves them.
static SUBJECT_HIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?P<list>{NAME}(?:(?:,\s+|,?\s+and\s+){NAME})*)\s+(?:was|were|has been|have been|had been|came|come|comes)\s+(?:again\s+|also\s+|repeatedly\s+)?(?:hit|shelled|struck|attacked|targeted|bombed|under\s+(?:[\w-]+\s+){{0,3}}?(?:fire|attack|shelling))(?-u:\b)"
    ))
});

static LIST_SPLIT: LazyLock<Regex> = LazyLock::new(|| regex(r",\s+|,?\s+and\s+"));

static ADMIN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:\s+\([^)]{{1,60}}\))?\s+(?:{NOUN})?\s*(?:of|in)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?(?P<admin>{NAME})(?:\s+\([^)]{{1,60}}\))?\s+(?i:region|district|province|marz|oblast|rayon|raion|governorate|state|sector|area|valley|zone|people['’]s republic|caza|qada|kaza|jamoat|hromada|community|municipality|tehsil)(?-u:\b)"
    ))
});

/// The region in brackets after a place: "Maksat village (Leilek district)",
/// "Ak-Sai (Batken district)".
static ADMIN_BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:\s+(?:village|town|settlement|community|city|hromada))?\s*\((?P<admin>{NAME})\s+(?i:region|district|province|oblast|rayon|raion|marz|municipality|jamoat|hromada|community|tehsil)\)"
    ))
});

/// After a region's name that opens a sentence: its kind and a comma ("In the
/// Zolochiv community, ...").
static REGION_OPENS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s+(?i:community|hromada|district|region|raion|rayon|jamoat|municipality|oblast|province|sector|area|valley)\s*,",
    )
});

/// "Kostiantynivka, Donetsk region, ...": a region set off by commas after the name.
static ADMIN_APPOSED: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^,\s+(?:in\s+(?:the\s+)?)?(?:(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern)\s+)?(?P<admin>{NAME})\s+(?i:region|oblast|province|governorate|district|rayon|marz|caza|qada|state)(?:\s*[,;.)]|\s+(?:on|overnight|late|early|last|this|yesterday|today|at|in|when)(?-u:\b))"
    ))
});

/// "the village of Khoznavar in Syunik on Thursday": a name right after "in" that
/// ends the phrase is the region of the place before it.
static ADMIN_IN: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^\s+in\s+(?:the\s+(?P<admin_the>{NAME})\s+(?:exclave|enclave|[Aa]utonomous [Rr]epublic)|(?P<admin>{NAME}))(?:\s*[,;.)]|\s*$|\s+(?:on|in|overnight|late|early|last|this|yesterday|today|at|when|during|after|before|and|killing|wounding|injuring)(?-u:\b))"
    ))
});

/// A unit named after its base ("the Batken border detachment") or an office that
/// speaks ("the Sumy regional military administration said"): not where an event was.
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:border\s+(?:guard\s+)?)?(?:detachment|brigade|regiment|battalion|garrison)(?-u:\b)",
    )
});
static OFFICE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:(?:regional|oblast|city|district|provincial|province|region|state|municipal|local)\s+)?(?:military\s+|state\s+|civil(?:ian)?\s+)?(?:administration|governor|government|authorities|council|police|prosecutor(?:'s)?(?:\s+office)?|(?:community\s+)?head|mayor|chief)(?-u:\b)[^.;]{0,80}?(?-u:\b)(?:said|says|reported|reports|stated|announced|told|added|wrote|confirmed)(?-u:\b)",
    )
});

/// "... in an Israeli strike in Majdal Selm on Friday": a day of its own after the
/// place makes an earlier event of a background clause.
static DAY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[\s,]+(?:on|late on|early on|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}\s+\p{L}+|\p{L}+\s+\d{1,2})(?-u:\b)",
    )
});

/// "the heads of the border services of the Batken and Sughd regions": offices.
static HEAD_OF: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:heads?|governors?|chiefs?|mayors?|administrations?|authorities)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+(?:the\s+)?)?$",
    )
});

/// "died in a Marjayoun hospital", "was taken to a hospital in Jammu": where the
/// wounded were treated, not where they were hit.
static TREATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:taken|rushed|evacuated|admitted|treated|transferred|shifted|referred|brought|succumbed|died|hospitali[sz]ed|airlifted|moved)\b[^.;]{0,60}$",
    )
});
static HOSPITAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:hospital|medical cent(?:re|er)|clinic|infirmary)\s+(?:in|at|of)\s+(?:the\s+)?$",
    )
});
static HOSPITAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:(?:regional|district|city|central|general|military|government|medical|clinical|base)\s+)*(?:hospital|medical cent(?:re|er)|clinic|infirmary)(?-u:\b)",
    )
});

/// "a resident of Berkaber ... was injured ... near the village": the home is where
/// it happened.
static HOME_IS_SCENE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:near|in|outside|on the outskirts of|close to|at the edge of)\s+(?:the|his|her|their)\s+(?:native\s+|home\s+)?(?:village|town)(?-u:\b)(?:\s+of\s+[A-Z])?",
    )
});

/// Where `rest` says the event was at the home just named ("near the village"), not
/// at another village it names ("near the village of Samarkandek").
fn home_scene(rest: &str) -> Option<&str> {
    HOME_IS_SCENE
        .find(rest)
        .map(|m| m.as_str())
        .filter(|m| !m.ends_with(|c: char| c.is_uppercase()))
}

/// ", a resident of Bagh district,": a person's home, not where the event was.
static RESIDENT_OF: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i),\s*(?:a\s+|both\s+|all\s+)?(?:residents?|natives?)\s+of\s+(?:the\s+)?(?:(?:village|town|city|district)\s+of\s+)?$",
    )
});

static ADMIN_OF: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:\s+\([^)]{{1,60}}\))?\s+(?:villages?|settlements?|hamlets?)\s+of\s+(?:the\s+)?(?P<admin>{NAME})"
    ))
});

/// A place word after a region's name: "(the Syunik) villages of", "(the Tavush)
/// border village of".
static REGION_BEFORE_PLACE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:(?:border|frontline|front-line|frontier|bordering)\s+)?(?:villages?|settlements?|towns?|hamlets?|communities)\s+of\s",
    )
});

/// "the Machil sector of Kupwara", "the Barakat Noreen area of Al-Fashaga", "the
/// Al-Thawra neighbourhood of Omdurman": a place word in the singular, then the
/// region or town the place lies in.
static ADMIN_OF_ONE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:\s+\([^)]{{1,60}}\))?\s+(?:sector|area|village|settlement|town|hamlet|neighbou?rhood|suburb|locality)\s+of\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western)(?:-(?:east|west)(?:ern)?)?\s+)?(?P<admin>{NAME})"
    ))
});

/// A reporting verb right after a place (or "according to" before it): the place is
/// where a speaker sits ("a spokesman in Srinagar said"), not where the event
/// happened ("took the headquarters in Nyala, the group said").
static SPEAKS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:\s+(?:region|state|province|district|oblast|governorate))?[\s,]*(?:has\s+|had\s+)?(?:said|says|say|reported|reports|stated|announced|told|added|noted|claimed|accused|alleged|denied|blamed|confirmed|gave (?:a|an|its) (?:different |conflicting |own )?(?:account|version))(?-u:\b)",
    )
});

/// After a name, words that make it the place hit: "Velyka Pysarivka was hit by ...".
static PLACE_HIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:was|were|has been|have been|had been|came)\s+(?:again\s+|also\s+|repeatedly\s+)?(?:hit|shelled|struck|attacked|targeted|bombed|under\s+(?:[\w-]+\s+){0,3}?(?:fire|attack|shelling))(?-u:\b)",
    )
});

/// After a possessive, a part of the town: "'s Kyivskyi district", "'s outskirts".
static PART_OF_TOWN: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^['’]s\s+(?:\p{Lu}[\w-]*\s+|(?:southern|northern|eastern|western|central|south-eastern|south-western|north-eastern|north-western)\s+)?(?:district|neighbou?rhood|outskirts|suburbs?|centre|center|city cent(?:re|er))(?-u:\b)",
    )
});

static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:\s*\([^)]{{1,60}}\))?(?:\s+(?:{NOUN}))?(?:\s+(?:of|in)\s+(?:the\s+)?{NAME}(?:\s+\([^)]{{1,60}}\))?\s+(?i:region|district|province|marz|oblast|rayon))?\s*(?:,\s*and|,\s*as well as|,|(?-u:\b)and(?-u:\b)|(?-u:\b)as well as(?-u:\b)|(?-u:\b)or(?-u:\b))\s*(?:the\s+)?(?:in\s+the\s+|in\s+)?(?:directions?\s+of\s+(?:the\s+)?)?(?:villages? of\s+|settlements? of\s+)?$"
    ))
});

static ARTICLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:[ -](?:[Aa]l|[Ee]l|[Aa]s|[Aa]sh|[Aa]d|[Aa]r)-\p{L}+)+"));

/// "has since pushed east towards Gedaref": where an advance heads, not where it was.
static MOVING_TOWARDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:push(?:ed|es|ing)?|advanc(?:ed|es|ing|e)|mov(?:ed|es|ing|e)|head(?:ed|s|ing)?|march(?:ed|es|ing)?|press(?:ed|es|ing)?|drive|drives|driving|drove|expand(?:ed|s|ing)?|threaten(?:ed|s|ing)?|fle[ed]|fleeing|escap(?:ed|e|ing)|evacuat(?:ed|e|ing))\s+(?:[a-z]+\s+){0,3}?toward(?:s)?\s+(?:the\s+)?(?:(?:towns?|cities|city|states?|regions?)\s+of\s+)?$",
    )
});

/// "The ISPR said in Rawalpindi that ...": where the source spoke.
static SAID_IN: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:said|says|told reporters|told journalists|announced|stated|added)\s+(?:on\s+[a-z]+day\s+|late\s+on\s+[a-z]+day\s+)?in\s+$",
    )
});

/// "a spokesman in Srinagar said": where a source sits, not where the event was.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:spokes(?:man|men|person|woman)|officials?|correspondent|reporters?|sources?|journalists?|press service|headquarters|office|based|cent(?:er|re)|hospital|clinic|council|committee|network|room|association|union|organi[sz]ation|society|agency|authorit(?:y|ies)|ministry|command|army|corps|garrison)\s+(?:(?:for|of)\s+(?:the\s+)?(?:[\w-]+\s+){1,4})?(?:in|at)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*['’]s\s+)?$",
    )
});

/// "... Sharur district of the Nakhchivan Autonomous Republic": a higher level of the
/// address (after a name: "in the community of Shtula" names the place itself);
/// likewise "Stepanakert, the capital of Nagorno-Karabakh".
static HIGHER_ADMIN: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?-u:\b)\p{Lu}[\w'’-]*\s+(?i:region|district|province|rayon|raion|oblast|marz|governorate|municipality|community)\s+of\s+(?:the\s+)?$|\p{Lu}[\w'’-]*,\s+(?:the\s+)?(?:(?:regional|provincial|administrative|de facto|self-declared|separatist)\s+)?capital\s+of\s+(?:the\s+)?$",
    )
});

/// "... in the wake of a major attack launched by X in Y": Y is where an earlier,
/// larger event took place, named as background to this one.
static BACKGROUND_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:in the wake of|amid|in the aftermath of|on the anniversary of|in response to|in retaliation for|in revenge for)\s+(?:an?|the|its|their)\s+[^,;.]{0,100}$",
    )
});

static CLOSE_BRACKET: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*(?:\w+\s*)?\)"));

static LOC_PREP: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:(?-u:\b)(?:in|at|near|close to|next to|not far from|adjacent to|proximity to|on|along|from|toward|towards|into|outside|around|over|above|across|off|of|returning to|returned to|targeting|targeted|hit|struck|shelled|bombed|bombarded|pounded|attacked|raided|stormed|overran|fired at|fired on|captured|recaptured|seized|retook|liberated)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}|(?-u:\b)(?:in|at|near|of)\s+(?:the\s+)?[A-Z]\w+(?:['’]s)\s+|(?-u:\b)(?:settlements|communities|villages|towns|cities|areas|localities|hromadas)(?-u:\b)[^.:;]{0,60}:\s*)$",
    )
});

static REFERENCE_POINT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:north|south|east|west|northwest|northeast|southwest|southeast|north-west|north-east|south-west|south-east)(?:ern)?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    )
});

/// Between a possessor and the region it owns: "'s ", " state's ".
static POSSESSIVE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:\s+(?i:state|province|region|oblast|governorate|marz))?['’]s\s+$")
});

/// "at the border between Armenia's Tavush province and Azerbaijan's Gazakh
/// district": regions that only say which stretch of border; a settlement named with
/// them is the place.
static BORDER_BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)(?-u:\b)(?:border|frontier|boundary)\s+between\s+[^.;:]{0,80}$"));

static ORIGIN_CUE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)(?-u:\b)from(?-u:\b)"));

static TARGET_CUE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:positions?|posts?|outposts?|at|on|toward|towards|against|near|targeting|targeted|hit|struck|into|over|shelled|attacked|areas?|fire|villages? of|town of|city of|border detachments)(?-u:\b)",
    )
});

static APPROX_CUE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:(?-u:\b)near(?:by)?|(?-u:\b)close to|(?-u:\b)next to|(?-u:\b)not far from|(?-u:\b)adjacent to|(?-u:\b)proximity (?:of|to)|(?-u:\b)directions? of|(?-u:\b)area of|(?-u:\b)vicinity of|(?-u:\b)outskirts of|(?-u:\b)suburbs of|(?-u:\b)between|(?-u:\b)direction)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    )
});

/// Words that make a capitalised name a unit or a body, not a place.
const UNIT_WORDS: &[&str] = &[
    "Army",
    "Battalion",
    "Brigade",
    "Regiment",
    "Division",
    "Corps",
    "Command",
    "Forces",
    "Police",
    "Ministry",
    "Agency",
    "Committee",
    "Council",
];

/// Words that look like names but are not places in this genre.
const NOT_PLACES: &[&str] = &[
    "Yesterday",
    "Today",
    "Overnight",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "From",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Their",
    "Our",
    "His",
    "Her",
    "Moreover",
    "Meanwhile",
    "However",
    "Earlier",
    "Later",
    "According",
    "Defense",
    "Defence",
    "Ministry",
    "Army",
    "Border",
    "Armed",
    "Forces",
    "Military",
    "State",
    "Security",
    "Service",
    "Committee",
    "National",
    "Republic",
    "President",
    "Government",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Russian",
    "Armenian",
    "Azerbaijani",
    "Azerbaijan",
    "Armenia",
    "Eastern",
    "Western",
    "Northern",
    "Southern",
    "Line",
    "Control",
    "Contact",
    "Regional",
    "Administration",
    "Council",
    "Head",
    "Telegram",
    "Facebook",
    "Reuters",
    "Source",
    "Photo",
    "Several",
    "Both",
    "Each",
    "All",
    "Some",
    "Several",
    "Other",
    "New",
    "Mr",
    "Ms",
    "Col",
    // adjectives that open a sentence before a place word ("Residential areas of X")
    "Residential",
    "Frontline",
    "Front-line",
    "Nearby",
    "Neighbouring",
    "Neighboring",
    "Civilian",
    "Local",
    "Rural",
    "Occupied",
    "Liberated",
    "Abandoned",
    "Central",
    "Many",
    "Two",
    "Three",
    "Four",
    "Five",
];

fn cap_words_ok(name: &str) -> bool {
    let first = name.split([' ', '-']).next().unwrap_or("");
    !NOT_PLACES.contains(&first) && !NOT_PLACES.contains(&name)
}

/// Strips a leading article and generic words from a captured name.
fn tidy(name: &str) -> &str {
    let mut n = name.trim();
    // A sentence-initial preposition is capitalised too: "In Sumy region, ...".
    for p in [
        "In ", "At ", "Near ", "Outside ", "Around ", "Along ", "From ", "Over ",
    ] {
        if let Some(r) = n.strip_prefix(p).filter(|r| !r.is_empty()) {
            n = r;
            break;
        }
    }
    for p in ["The ", "the "] {
        if let Some(r) = n.strip_prefix(p) {
            n = r;
        }
    }
    n
}

fn hint_of(noun: &str) -> PlaceHint {
    let n = noun.to_lowercase();
    match n.as_str() {
        s if s.starts_with("settlement")
            || s.starts_with("village")
            || s.starts_with("town")
            || s.starts_with("cit")
            || s.starts_with("communit")
            || s.starts_with("localit")
            || s.starts_with("hromada")
            || s.starts_with("jamoat")
            || s == "kibbutz"
            || s == "moshav"
            || s.starts_with("hamlet")
            || s.starts_with("neighbo")
            || s.starts_with("suburb")
            || s == "camp" =>
        {
            PlaceHint::Settlement
        }
        s if s.starts_with("region")
            || s.starts_with("district")
            || s.starts_with("province")
            || s.starts_with("oblast")
            || s.starts_with("rayon")
            || s == "marz"
            || s.starts_with("direction")
            || s == "governorate"
            || s == "county"
            || s.starts_with("department")
            || s == "state"
            || s == "corridor" =>
        {
            PlaceHint::Region
        }
        s if s.starts_with("height")
            || s.starts_with("hill")
            || s == "lake"
            || s == "valley"
            || s.starts_with("area") =>
        {
            PlaceHint::Area
        }
        // "the Syunik section / part of the border" names a region; "the Keran sector",
        // the stretch of front around a town.
        "section" | "part" => PlaceHint::Region,
        s if s.starts_with("sector") => PlaceHint::Sector,
        s if s.contains("post")
            || s == "border detachment"
            || s == "checkpoint"
            || s == "crossing" =>
        {
            PlaceHint::Post
        }
        "temple" | "monastery" | "mosque" | "airport" | "airbase" | "air base" | "bridge"
        | "dam" | "mountain" | "mountains" | "pass" | "barracks" | "military base" | "base" => {
            PlaceHint::Area
        }
        _ => PlaceHint::Unknown,
    }
}

/// The groups of `re`'s first match in `hay`, found by the DFA first: resolving groups
/// costs the backtracker work in proportion to the text it is given, so it gets only
/// the match.
/// The word right before byte `at` of `s` (empty at the start).
fn word_before(s: &str, at: usize) -> &str {
    s[..at].trim_end().rsplit(' ').next().unwrap_or("")
}

fn captures_found<'h>(re: &Regex, hay: &'h str) -> Option<regex::Captures<'h>> {
    let m = re.find(hay)?;
    re.captures_at(&hay[..m.end()], m.start())
}

/// "the Roseires dam near Ed Damazin": a facility the gazetteer does not know, named by
/// the known town it lies near, is at that town; "the road between Qamishli and
/// Amuda" is near the first town (both approximate through `APPROX_CUE`).
fn near_known_place(s: &str, cands: &mut Vec<PlaceMention>) {
    let mut i = 0;
    while i + 1 < cands.len() {
        let gap = &s[cands[i].span.end.min(cands[i + 1].span.start)..cands[i + 1].span.start];
        let facility = matches!(cands[i].hint, PlaceHint::Area | PlaceHint::Post)
            && !cands[i].known
            && cands[i + 1].known
            && FACILITY_NEAR.is_match(gap);
        let between = gap.trim() == "and"
            && BETWEEN_END.is_match(sitrep_core::tail(&s[..cands[i].span.start], 30));
        if facility {
            cands.remove(i);
        } else if between {
            cands.remove(i + 1);
            i += 1;
        } else {
            i += 1;
        }
    }
}

static FACILITY_NEAR: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:[\w-]+\s+){0,2}?(?:near|outside|close to|not far from)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    )
});

static BETWEEN_END: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)(?-u:\b)between\s+(?:the\s+)?$"));

/// Finds the places of a sentence. `known` are the spans (relative to `s`) of
/// names the gazetteer knows; `agents` the spans of actors said to act, used to
/// read "the units of X in the direction of P" as X's own position (origin).
pub fn find_places(s: &str, known: &[Span], agents: &[Span]) -> Vec<PlaceMention> {
    let mut cands: Vec<PlaceMention> = Vec::new();
    let add = |span: Span,
               name: &str,
               hint: PlaceHint,
               alt: Option<&str>,
               known: bool,
               cands: &mut Vec<PlaceMention>| {
        if let Some(existing) = cands.iter_mut().find(|c| c.span.overlaps(&span)) {
            if existing.hint == PlaceHint::Unknown && hint != PlaceHint::Unknown {
                existing.hint = hint;
            }
            if span.len() > existing.span.len() && !existing.known {
                existing.span = span;
                existing.name = name.to_string();
            }
            if let Some(a) = alt {
                if !existing.alt_names.iter().any(|x| x == a) {
                    existing.alt_names.push(a.to_string());
                }
            }
            return;
        }
        cands.push(PlaceMention {
            span,
            name: name.to_string(),
            alt_names: alt.map(|a| vec![a.to_string()]).unwrap_or_default(),
            hint,
            admin: None,
            role: PlaceRole::Target,
            group: 0,
            approximate: false,
            known,
        });
    };
    for m in NAME_NOUN.captures_iter(s) {
        let nm = m.name("name").expect("name");
        let mut name = tidy(nm.as_str());
        // "Armenia's Gegharkunik province": the possessive is not part of the name.
        if let Some(i) = name.find(['’', '\'']) {
            if let Some(rest) = name[i..]
                .strip_prefix("’s ")
                .or_else(|| name[i..].strip_prefix("'s "))
            {
                name = rest.trim_start();
            }
        }
        if name.is_empty() || !cap_words_ok(name) {
            continue;
        }
        let start = nm.end() - name.len();
        let noun = m.name("noun").map_or("", |x| x.as_str());
        // "the Artsakh State Service of Emergency Situations": a body, not a state.
        if noun.eq_ignore_ascii_case("state")
            && s[m.get(0).map_or(s.len(), |w| w.end())..]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase())
        {
            continue;
        }
        let alt = m
            .name("alt")
            .map(|a| a.as_str())
            .filter(|a| a.starts_with(|c: char| c.is_uppercase()));
        add(
            Span::new(start, nm.end()),
            name,
            hint_of(noun),
            alt,
            false,
            &mut cands,
        );
    }
    for m in BRACKETED_NAME_NOUN.captures_iter(s) {
        let nm = m.name("name").expect("name");
        if cap_words_ok(nm.as_str()) {
            let noun = m.name("noun").map_or("", |x| x.as_str());
            add(
                Span::new(nm.start(), nm.end()),
                nm.as_str(),
                hint_of(noun),
                None,
                false,
                &mut cands,
            );
        }
    }
    for m in NOUN_OF_NAME
        .captures_iter(s)
        .chain(NOUN_NAME.captures_iter(s))
    {
        let nm = m.name("name").expect("name");
        if !cap_words_ok(nm.as_str()) {
            continue;
        }
        let noun = m.name("noun").map_or("", |x| x.as_str());
        let hint = match hint_of(noun) {
            PlaceHint::Region
                if !["region", "department", "province", "governorate"]
                    .iter()
                    .any(|r| noun.starts_with(r)) =>
            {
                PlaceHint::Settlement
            }
            PlaceHint::Unknown => PlaceHint::Settlement,
            h => h,
        };
        add(
            Span::new(nm.start(), nm.end()),
            nm.as_str(),
            hint,
            None,
            false,
            &mut cands,
        );
    }
    for m in HIT_OBJECT.captures_iter(s) {
        let nm = m.name("name").expect("name");
        // "hit Beirut's southern suburbs", "in Kharkiv's Kyivskyi district": the
        // possessive and what follows it are not part of the name.
        let name = nm.as_str();
        let name = name
            .find("'s")
            .or_else(|| name.find("’s"))
            .map_or(name, |i| &name[..i]);
        if cap_words_ok(name) {
            add(
                Span::new(nm.start(), nm.start() + name.len()),
                name,
                PlaceHint::Unknown,
                None,
                false,
                &mut cands,
            );
        }
    }
    if let Some(m) = captures_found(&LINE_HEAD, s) {
        let nm = m.name("name").expect("name");
        if nm.as_str().chars().any(char::is_lowercase) && cap_words_ok(nm.as_str()) {
            add(
                Span::new(nm.start(), nm.end()),
                nm.as_str(),
                PlaceHint::Unknown,
                None,
                false,
                &mut cands,
            );
        }
    }
    for m in SUBJECT_HIT.captures_iter(s) {
        let list = m.name("list").expect("list");
        let mut from = list.start();
        for item in LIST_SPLIT.split(list.as_str()) {
            let at = from;
            from += item.len();
            from += LIST_SPLIT
                .find(&s[from..list.end()])
                .map_or(0, |sep| sep.end());
            // "On Monday Huliaipole": words that open a sentence are no part of the name.
            let mut start = 0;
            for w in item.split(' ') {
                if NOT_PLACES.contains(&w) {
                    start += w.len() + 1;
                } else {
                    break;
                }
            }
            let Some(name) = item.get(start..).filter(|n| !n.is_empty()) else {
                continue;
            };
            if cap_words_ok(name) {
                add(
                    Span::new(at + start, at + item.len()),
                    name,
                    PlaceHint::Unknown,
                    None,
                    false,
                    &mut cands,
                );
            }
        }
    }
    for k in known {
        if k.end > s.len() || !s.is_char_boundary(k.start) || !s.is_char_boundary(k.end) {
            continue;
        }
        // A known name inside a longer capitalised candidate keeps the candidate's span.
        let name = &s[k.start..k.end];
        if let Some(c) = cands.iter_mut().find(|c| c.span.overlaps(k)) {
            if c.span == *k || c.span.contains(k) && !c.known {
                c.known = c.span == *k || c.known;
            } else if k.contains(&c.span)
                && !c.known
                && k.start == c.span.start
                && s[c.span.end..k.end].starts_with(" and ")
            {
                // "in Jammu and Kashmir": the known name, not its first word.
                c.span = *k;
                c.name = name.to_string();
                c.known = true;
            }
            continue;
        }
        // Arabic names go on with article-prefixed words the gazetteer may spell
        // otherwise: "Al-Fashaga Al-sughra".
        let mut span = *k;
        let mut alt = None;
        if let Some(m) = ARTICLE_WORD.find(&s[k.end..]) {
            span.end += m.end();
            alt = Some(name);
        }
        add(
            span,
            &s[span.start..span.end],
            PlaceHint::Unknown,
            alt,
            true,
            &mut cands,
        );
    }
    // Drop bracketed alternative names that were also captured on their own.
    cands.sort_by_key(|c| c.span.start);
    let mut i = 1;
    while i < cands.len() {
        let gap = &s[cands[i - 1].span.end.min(cands[i].span.start)..cands[i].span.start];
        let bracketed = gap.trim() == "(" && CLOSE_BRACKET.is_match(&s[cands[i].span.end..]);
        if bracketed {
            let alt = cands.remove(i);
            if !cands[i - 1].alt_names.contains(&alt.name) {
                cands[i - 1].alt_names.push(alt.name);
            }
            cands[i - 1].known |= alt.known;
            continue;
        }
        i += 1;
    }
    let alts: Vec<Span> = cands
        .iter()
        .flat_map(|c| {
            c.alt_names.iter().filter_map(|a| {
                let from = c.span.end;
                s[from..]
                    .find(a.as_str())
                    .map(|i| Span::new(from + i, from + i + a.len()))
            })
        })
        .collect();
    cands.retain(|c| !alts.iter().any(|a| a.contains(&c.span)));
    // Unknown names in lists with known or hinted places: "Eki-Tash, Chyr-Dobo and Orto-Boz".
    extend_lists(s, &mut cands);
    cands.sort_by_key(|c| c.span.start);
    // Mentions never overlap: of two, the first (the longer when both start together).
    cands.dedup_by(|later, kept| later.span.overlaps(&kept.span));
    // Admin regions named after a place or list qualify it; they are not places of their own.
    let mut admin_spans = Vec::new();
    let regions: Vec<(Span, String)> = cands
        .iter()
        .filter(|c| c.hint == PlaceHint::Region)
        .map(|c| (c.span, c.name.clone()))
        .collect();
    // (Not "the Kut village of Gegharkunik province", "the Yellija settlement of the
    // Kalbajar district": there the region comes after "of".)
    let region_before_word: Vec<Span> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| word_before(s, c.span.start).eq_ignore_ascii_case("the"))
        .filter_map(|(i, c)| {
            let m = REGION_BEFORE_PLACE_WORD.find(&s[c.span.end..])?;
            let after = c.span.end + m.end();
            let next = cands.get(i + 1).filter(|n| n.span.start == after)?;
            (next.hint != PlaceHint::Region).then_some(c.span)
        })
        .collect();
    let mut regions_before: Vec<(Span, String)> = Vec::new();
    for cand in cands.iter_mut() {
        let end = cand.span.end;
        // "X villages of Y" makes Y the region of a known X; after an adjective
        // ("the southern Lebanese villages of A and B") the names after "of" are the places.
        let rest = &s[end..];
        // "the south Lebanon village of X": a country or region as an adjective.
        let compass_before = matches!(
            word_before(s, cand.span.start)
                .to_ascii_lowercase()
                .as_str(),
            "south" | "north" | "east" | "west" | "southern" | "northern" | "eastern" | "western"
        );
        // "the Syunik villages of Khnatsakh and Tegh", "the Tavush border village of
        // Movses": the name between "the" and the place word is the region of the places
        // after "of".
        if region_before_word.contains(&cand.span) {
            regions_before.push((cand.span, cand.name.clone()));
            admin_spans.push(cand.span);
            continue;
        }
        let admin_of = || {
            if cand.known && !compass_before {
                captures_found(&ADMIN_OF, rest)
            } else {
                None
            }
        };
        let admin_of_one = || {
            if compass_before {
                None
            } else {
                captures_found(&ADMIN_OF_ONE, rest)
            }
        };
        if let Some(m) = captures_found(&ADMIN_AFTER, rest)
            .or_else(|| captures_found(&ADMIN_BRACKETED, rest))
            .or_else(|| captures_found(&ADMIN_APPOSED, rest))
            .or_else(|| captures_found(&ADMIN_IN, rest))
            .or_else(admin_of)
            .or_else(admin_of_one)
        {
            let a = m
                .name("admin")
                .or_else(|| m.name("admin_the"))
                .expect("admin");
            // "in Jammu and Kashmir": the known name the admin region begins.
            let mut admin = Span::new(end + a.start(), end + a.end());
            if let Some(k) = known
                .iter()
                .find(|k| k.start == admin.start && k.end > admin.end && k.end <= s.len())
            {
                admin = *k;
            }
            // "in Jammu and Kashmir's Poonch district": the region owned is the admin.
            let owned = ["'s ", "’s "]
                .iter()
                .find(|p| s[admin.end..].starts_with(*p))
                .map(|p| admin.end + p.len());
            if let Some(at) = owned {
                if let Some((span, name)) = regions.iter().find(|(sp, _)| sp.start == at) {
                    cand.admin = Some(name.clone());
                    admin_spans.push(*span);
                }
                continue;
            }
            let admin_name = &s[admin.start..admin.end];
            // "Rajouri in the Rajouri district": one place, its district no other.
            if admin_name != cand.name {
                cand.admin = Some(admin_name.to_string());
            }
            admin_spans.push(admin);
        }
    }
    for (span, name) in regions_before {
        let Some(first) = cands.iter().position(|c| c.span.start >= span.end) else {
            continue;
        };
        cands[first].admin.get_or_insert_with(|| name.clone());
        for j in first + 1..cands.len() {
            let gap = s.get(cands[j - 1].span.end..cands[j].span.start);
            if !gap.is_some_and(|g| LIST_GAP.is_match(g)) {
                break;
            }
            cands[j].admin.get_or_insert_with(|| name.clone());
        }
    }
    // "Jammu and Kashmir's Poonch district": the possessor is the region of a
    // district or region it owns.
    for i in 1..cands.len() {
        let gap = &s[cands[i - 1].span.end.min(cands[i].span.start)..cands[i].span.start];
        if POSSESSIVE_GAP.is_match(gap)
            && cands[i].hint == PlaceHint::Region
            && cands[i].admin.is_none()
        {
            cands[i].admin = Some(cands[i - 1].name.clone());
            admin_spans.push(cands[i - 1].span);
        }
    }
    // "In the Zolochiv community, a man was killed ... near the village of Udy": a
    // region that opens the sentence is the region of the places after it.
    if let Some(first) = cands.first() {
        let opens = s[..first.span.start]
            .trim()
            .trim_end_matches("the")
            .trim()
            .eq_ignore_ascii_case("in");
        let later: Vec<usize> = (1..cands.len())
            .filter(|&j| cands[j].hint != PlaceHint::Region)
            .collect();
        if opens && REGION_OPENS.is_match(&s[first.span.end..]) && !later.is_empty() {
            let (span, name) = (first.span, first.name.clone());
            for j in later {
                cands[j].admin.get_or_insert_with(|| name.clone());
            }
            admin_spans.push(span);
        }
    }
    cands.retain(|c| !admin_spans.iter().any(|a| a.overlaps(&c.span)));
    near_known_place(s, &mut cands);
    // Group lists and give each group a role.
    let mut group = 0;
    for i in 0..cands.len() {
        let joined = i > 0
            && s.get(cands[i - 1].span.end..cands[i].span.start)
                .is_some_and(|gap| LIST_GAP.is_match(gap));
        if joined {
            cands[i].group = cands[i - 1].group;
            cands[i].role = cands[i - 1].role;
            cands[i].approximate = cands[i - 1].approximate;
            if cands[i - 1].admin.is_none() {
                // "Keshdak and Barmagbina settlements of the Kalbajar region": admin applies back.
                let a = cands[i].admin.clone();
                let g = cands[i].group;
                for c in cands
                    .iter_mut()
                    .take(i)
                    .filter(|c| c.group == g && c.admin.is_none())
                {
                    c.admin = a.clone();
                }
            }
            continue;
        }
        group += 1;
        cands[i].group = group;
        let prev_end = if i > 0 { cands[i - 1].span.end } else { 0 };
        let before = &s[prev_end..cands[i].span.start];
        cands[i].role = role_of(before, &s[..cands[i].span.start], prev_end, agents);
        // "units stationed near P (of the R region) and near Q opened fire": Q is where
        // the same units stand.
        if i > 0
            && cands[i - 1].role == PlaceRole::Origin
            && ORIGIN_CONTINUES.is_match(before)
            && !FIRE_BETWEEN.is_match(before)
        {
            cands[i].role = PlaceRole::Origin;
        }
        cands[i].approximate = APPROX_CUE.is_match(sitrep_core::tail(before, 80));
    }
    // A plural noun after a list sets the hint of the whole list.
    for i in (1..cands.len()).rev() {
        if cands[i].group == cands[i - 1].group && cands[i - 1].hint == PlaceHint::Unknown {
            cands[i - 1].hint = cands[i].hint;
        }
    }
    // An unknown name in capitals is an acronym ("BSF border outposts").
    // "the Second Army Area", "a Somali National Army base": a unit or body, no place.
    cands.retain(|c| {
        c.name.chars().count() >= 3
            && (c.known
                || cap_words_ok(&c.name)
                    && c.name.chars().any(char::is_lowercase)
                    && !c.name.split([' ', '-']).any(|w| UNIT_WORDS.contains(&w)))
    });
    // "Nagorno-Karabakh's militias", "Kalbajar's villages": a possessor, not the place of
    // an event; but "Kharkiv's Kyivskyi district" is in Kharkiv.
    cands.retain(|c| {
        let rest = &s[c.span.end..];
        let name = &c.name;
        let possessive = rest.starts_with("’s")
            || rest.starts_with("'s")
            || name.ends_with("’s")
            || name.ends_with("'s");
        !possessive || PART_OF_TOWN.is_match(rest)
    });
    // "a resident of X ... near the village": near the home named.
    for c in &mut cands {
        let before = sitrep_core::tail(&s[..c.span.start], 60);
        if RESIDENT_OF.is_match(before)
            && home_scene(&s[c.span.end..]).is_some_and(|m| !m.to_lowercase().starts_with("in "))
        {
            c.approximate = true;
        }
    }
    // A known name with no place word needs a locative word before it ("in Uri",
    // "at the Western Galilee"); "SSP Baramulla said" or "Baku and Yerevan" are not places.
    let mut keep_group: Vec<(usize, bool)> = Vec::new();
    // Groups left out only as a reference point ("villages east of Al Managil").
    let mut reference_only: Vec<usize> = Vec::new();
    for c in &cands {
        if keep_group.iter().any(|(g, _)| *g == c.group) {
            continue;
        }
        let before = &s[..c.span.start];
        let reference = REFERENCE_POINT.is_match(sitrep_core::tail(before, 120))
            || c.hint == PlaceHint::Region
                && BORDER_BETWEEN.is_match(sitrep_core::tail(before, 120));
        // "Antonivka and Sadove were shelled": the list's last name is followed by the hit.
        let group_end = cands
            .iter()
            .filter(|x| x.group == c.group)
            .map(|x| x.span.end)
            .max()
            .unwrap_or(c.span.end);
        // "- Beryslav: a drone dropped ...": a bulleted item headed by its place.
        // "Rodynske: artillery shelling damaged 3 houses": a known place heading its
        // line, not in capitals (a wire dateline, "ISLAMABAD:", is where it was filed).
        let bullet = before.trim();
        let own_line = bullet.is_empty() && c.name.chars().any(char::is_lowercase);
        let heading = (matches!(bullet, "-" | "–" | "—" | "•" | "*") || own_line)
            && s[group_end..].starts_with(':');
        let ok = (c.hint != PlaceHint::Unknown
            || LOC_PREP.is_match(sitrep_core::tail(before, 80))
            || PLACE_HIT.is_match(&s[group_end..])
            || heading)
            && !(ATTRIBUTION.is_match(sitrep_core::tail(before, 80))
                && (SPEAKS_AFTER.is_match(&s[c.span.end..])
                    || sitrep_core::tail(before, 80)
                        .to_lowercase()
                        .contains("according to")))
            && !HIGHER_ADMIN.is_match(sitrep_core::tail(before, 40))
            && !ADDRESSED.is_match(sitrep_core::tail(before, 30))
            && !TOPIC_OVER.is_match(sitrep_core::tail(before, 40))
            && !HEAD_OF.is_match(sitrep_core::tail(before, 80))
            && !MOVING_TOWARDS.is_match(sitrep_core::tail(before, 80))
            && !(TREATED.is_match(sitrep_core::tail(before, 100))
                && (HOSPITAL_BEFORE.is_match(sitrep_core::tail(before, 40))
                    || HOSPITAL_AFTER.is_match(&s[c.span.end..])))
            && !UNIT_AFTER.is_match(&s[c.span.end..])
            && !OFFICE_AFTER.is_match(&s[c.span.end..])
            && (!BACKGROUND_CLAUSE.is_match(sitrep_core::tail(before, 120))
                || DAY_AFTER.is_match(&s[c.span.end..]));
        // ", a resident of Bagh district,": a person's home, where the event was only
        // when the sentence names no other place (or says "near the village").
        // "The ISPR said in Rawalpindi that ...": the seat of the source, likewise.
        let home = RESIDENT_OF.is_match(sitrep_core::tail(before, 60))
            && home_scene(&s[c.span.end..]).is_none()
            || SAID_IN.is_match(sitrep_core::tail(before, 40));
        if ok && (reference || home) {
            reference_only.push(c.group);
        }
        keep_group.push((c.group, ok && !reference && !home));
    }
    // With no other place, the reference point (or the home) places the event near it.
    let none_kept = !keep_group.iter().any(|(_, ok)| *ok);
    cands.retain(|c| {
        keep_group.iter().any(|(g, ok)| *g == c.group && *ok)
            || none_kept && reference_only.contains(&c.group)
    });
    if none_kept {
        for c in &mut cands {
            c.approximate = true;
        }
    }
    cands
}

/// After "from", a weapon: "firing from small arms and mortars".
static FROM_WEAPON: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:the\s+|their\s+|its\s+)?(?:(?:heavy|light|large-calibre|large-caliber|\d+-mm|automatic)\s+)*(?:small arms|mortars?|artillery|grenade launchers?|machine guns?|sniper rifles?|rifles?|guns?|howitzers?|tanks?|rocket launchers?|MLRS|weapons|drones?|UAVs?|quadcopters?)(?-u:\b)",
    )
});

/// "from positions near P", "from their posts in the village of P": where fire came from.
static FROM_POSITIONS_AT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:from|using)\s+(?:the\s+|their\s+|its\s+)?(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?:(?:combat\s+|firing\s+)?(?:positions?|posts?)\s+)(?:(?:located|stationed|deployed)\s+)?(?:near|in|at|around|close to|of)\s+(?:the\s+)?(?:directions?\s+of\s+(?:the\s+)?)?(?:(?:villages?|towns?|settlements?|city)\s+of\s+(?:the\s+)?)?$",
    )
});

/// After a place where fire came from, another joined to it: "(near P) and near",
/// "(from P) as well as from".
static ORIGIN_CONTINUES: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^;]{0,80}?(?:,\s*|\s)(?:and|as well as)\s+(?:also\s+)?(?:near|around|from|close to)\s+(?:the\s+)?(?:(?:villages?|settlements?)\s+(?:of\s+)?)?$",
    )
});

/// Words of firing or of a target between two places: the second is no longer where
/// the fire came from.
static FIRE_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:fire|fired|firing|shell(?:ed|ing)?|struck|attack(?:ed)?|hit|on|at|toward|towards|against|positions?|posts?)(?-u:\b)",
    )
});

/// "Armenian units positioned near P (opened fire ...)": where the acting side stands
/// (not "positions located near P", the side hit).
static POSITIONED_AT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:army|forces|troops|military|side),?\s+(?:which|that|who)\s+(?:has|have|had|holds?|held|maintains?|maintained)\s+(?:its\s+|their\s+)?positions\s+(?:around|near|in|at|close to)\s+(?:the\s+)?$|(?-u:\b)(?:units|forces|troops|formations|detachments|subdivisions|servicemen|soldiers|gangs|militants|fighters|army)\s+(?:(?:(?:that\s+were|which\s+were|who\s+were)\s+)?(?:positioned|stationed|deployed|entrenched|located|based)\s+(?:across the border\s+|on the other side of the border\s+)?(?:near|in|at|around|close to)|(?:near|around|close to))\s+(?:the\s+)?(?:(?:occupied|nearby|[A-Za-z]+-(?:held|occupied|controlled))\s+)?(?:(?:villages?|towns?|settlements?|city)\s+of\s+(?:the\s+)?)?$",
    )
});

/// Right after an acting side, where it stands: "(Armenian units) (stationed) in the
/// direction of" P (not "violated the ceasefire in the direction of P").
static AGENT_DIRECTION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[\s,]*(?:(?:units?|positions?|subdivisions?|formations?|forces|troops)\s+)?(?:(?:located|stationed|deployed|positioned|based|entrenched)\s+)?(?:in|from|at|on)\s+the\s+directions?\s+of\s+(?:the\s+)?(?:(?:villages?|settlements?|towns?|city|heights?)\s+(?:of\s+)?)?$",
    )
});

/// Right before a force noun, words that make those forces the ones hit ("a gathering
/// of enemy soldiers", "brought down by troops").
static UNITS_HIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:(?-u:\b)(?:on|at|against|toward|towards|targeting|targeted|hit|shelled|attacked|struck)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}|(?-u:\b)(?:positions?|posts?|outposts?|trenches)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}|(?-u:\b)(?:(?:gatherings?|concentrations?|groups?|columns?|convoys?|clusters?|movements?)\s+of|by)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3})$",
    )
});

/// The role of a place from the words since the previous place (`before`, which
/// starts at byte `offset` of the sentence) and the whole sentence up to it (`upto`).
fn role_of(before: &str, upto: &str, offset: usize, agents: &[Span]) -> PlaceRole {
    if FROM_POSITIONS_AT.is_match(sitrep_core::tail(before, 80)) {
        return PlaceRole::Origin;
    }
    // The acting side's units, then where they are positioned (not the units fired on:
    // "opened fire on Armenian units located near P").
    let tail = sitrep_core::tail(upto, 120);
    if let Some(m) = POSITIONED_AT.find(tail) {
        // Only when the cue lies after the previous place.
        let after_previous = tail.len() - m.start() <= before.len();
        if after_previous && !UNITS_HIT.is_match(&tail[..m.start()]) {
            return PlaceRole::Origin;
        }
    }
    // "firing from small arms": a weapon, not where fire came from.
    let origin = ORIGIN_CUE
        .find_iter(before)
        .filter(|m| !FROM_WEAPON.is_match(&before[m.end()..]))
        .last()
        .map(|m| m.start());
    let target = TARGET_CUE
        .find_iter(before)
        .last()
        .map(|m| (m.start(), m.as_str().to_lowercase()));
    // The units of an acting side "in the direction of P": the side's own position.
    let agent_end = agents
        .iter()
        .filter(|a| a.end <= offset + before.len() && a.end >= offset)
        .map(|a| a.end - offset)
        .max();
    match (origin, target) {
        (Some(o), Some((t, _))) if o > t => PlaceRole::Origin,
        (Some(o), Some((t, word)))
            if word.starts_with("position") && before[o..t].split_whitespace().count() <= 2 =>
        {
            PlaceRole::Origin
        }
        // "firing from near P", "from the area of P".
        (Some(o), Some((t, word)))
            if matches!(word.as_str(), "near" | "area" | "areas")
                && before[o..t].split_whitespace().count() <= 2 =>
        {
            PlaceRole::Origin
        }
        (_, Some((t, _)))
            if agent_end.is_some_and(|a| a > t && AGENT_DIRECTION.is_match(&before[a..])) =>
        {
            PlaceRole::Origin
        }
        (Some(_), None) => PlaceRole::Origin,
        (None, None) if agent_end.is_some_and(|a| AGENT_DIRECTION.is_match(&before[a..])) => {
            PlaceRole::Origin
        }
        _ => PlaceRole::Target,
    }
}

static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^\s*(?:,\s*and|,\s*as well as|,|(?-u:\b)and(?-u:\b)|(?-u:\b)as well as(?-u:\b))\s*(?:the\s+)?(?P<name>{NAME})"
    ))
});

static LIST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?P<name>{NAME})\s*(?:,\s*and|,|(?-u:\b)and(?-u:\b)|(?-u:\b)as well as(?-u:\b))\s*(?:the\s+)?$"
    ))
});

/// Right after a name, a plural place noun ("... and Khuiratta sectors").
static PLURAL_NOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s+(?:sectors|villages|settlements|towns|districts|regions|provinces|oblasts|communities|hromadas|areas|directions|heights)(?-u:\b)",
    )
});

/// After a list item, what continues or ends the list.
static LIST_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s*(?:,|and(?-u:\b)|or(?-u:\b)|\.|;|$|(?:on|in|at|overnight|yesterday|late|early|last|this|as)(?-u:\b))",
    )
});

/// Adds unknown capitalised names that continue a list before or after a place.
fn extend_lists(s: &str, cands: &mut Vec<PlaceMention>) {
    let mut i = 0;
    while i < cands.len() {
        let start = cands[i].span.start;
        let floor = if i > 0 { cands[i - 1].span.end } else { 0 };
        // "the Nikial and Khuiratta sectors": a plural noun shared by the list.
        if cands[i].hint != PlaceHint::Unknown
            && (!cands[i].known || PLURAL_NOUN_AFTER.is_match(&s[cands[i].span.end..]))
        {
            if let Some(m) = LIST_BEFORE.captures(&s[floor..start]) {
                let nm = m.name("name").expect("name");
                let name = tidy(nm.as_str());
                let span = Span::new(floor + nm.end() - name.len(), floor + nm.end());
                if cap_words_ok(name) {
                    let mut prev = cands[i].clone();
                    prev.span = span;
                    prev.name = name.to_string();
                    prev.alt_names.clear();
                    cands.insert(i, prev);
                    continue;
                }
            }
        }
        i += 1;
    }
    let mut i = 0;
    while i < cands.len() {
        let end = cands[i].span.end;
        let rest = &s[end..];
        if let Some(m) = LIST_ITEM.captures(rest) {
            let nm = m.name("name").expect("name");
            let span = Span::new(end + nm.start(), end + nm.end());
            let name = nm.as_str();
            // "Mala Tokmachka": a shorter known name inside it ("Mala") gives way.
            if let Some(j) = cands.iter().position(|c| {
                c.span != span && span.contains(&c.span) && c.span.start == span.start
            }) {
                let alone = cands
                    .iter()
                    .enumerate()
                    .all(|(k, c)| k == j || !c.span.overlaps(&span));
                if alone && cap_words_ok(name) && LIST_TAIL.is_match(&s[span.end..]) {
                    cands[j].span = span;
                    cands[j].name = name.to_string();
                    cands[j].known = false;
                }
            }
            let taken = cands.iter().any(|c| c.span.overlaps(&span));
            let connector_and = rest[..nm.start()].contains("and");
            let after = s[span.end..].trim_start();
            let mid_list =
                after.starts_with(',') || after.starts_with("and ") || after.starts_with("or ");
            // After a place word ("Orikhiv village and X") or a known place ("shelled
            // Orikhiv and Huliaipole": small towns the text scan does not find; the
            // resolver decides whether the gazetteer knows them).
            if !taken
                && cap_words_ok(name)
                && (cands[i].hint != PlaceHint::Unknown
                    || cands[i].known
                    || LOC_PREP.is_match(sitrep_core::tail(&s[..cands[i].span.start], 80))
                    || i > 0
                        && s.get(cands[i - 1].span.end..cands[i].span.start)
                            .is_some_and(|gap| LIST_GAP.is_match(gap)))
                && (connector_and || mid_list)
            {
                let mut next = cands[i].clone();
                next.span = span;
                next.name = name.to_string();
                next.alt_names.clear();
                next.known = false;
                cands.insert(i + 1, next);
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(s: &str) -> Vec<(String, PlaceRole, Option<String>)> {
        find_places(s, &[], &[])
            .into_iter()
            .map(|p| (p.name, p.role, p.admin))
            .collect()
    }

    #[test]
    fn a_possessor_is_the_region_of_what_it_owns() {
        let s = "Shells fell in Bosnia's Zulu district and in Kilo and Lima's Mike region.";
        let known = [Span::new(45, 58)];
        let p: Vec<_> = find_places(s, &known, &[])
            .into_iter()
            .map(|p| (p.name, p.admin))
            .collect();
        assert_eq!(
            p,
            vec![
                ("Zulu".to_string(), Some("Bosnia".to_string())),
                ("Mike".to_string(), Some("Kilo and Lima".to_string())),
            ]
        );
    }

    #[test]
    fn a_state_owning_a_district_is_its_region() {
        let p = places("Troops clashed in Alpha state's Bravo district on Monday.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, "Bravo");
        assert_eq!(p[0].2.as_deref(), Some("Alpha"));
    }

    #[test]
    fn places_that_are_the_subject_of_a_hit() {
        let names = |s: &str| -> Vec<String> { places(s).into_iter().map(|p| p.0).collect() };
        assert_eq!(
            names("On Monday Zulu was shelled with artillery."),
            vec!["Zulu"]
        );
        assert_eq!(
            names("Yesterday Alpha, Bravo and Charlie Delta were hit by drones."),
            vec!["Alpha", "Bravo", "Charlie Delta"]
        );
        assert_eq!(names("Echo came under heavy mortar fire."), vec!["Echo"]);
        assert!(names("Foxtrot was quiet on Monday.").is_empty());
    }

    #[test]
    fn a_home_is_no_scene_when_another_village_is_named() {
        let p = places("Guards detained a shepherd, a resident of Kilo, near the village of Lima.");
        let names: Vec<&str> = p.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, vec!["Lima"]);
    }

    #[test]
    fn over_and_above_a_place_and_a_country_as_an_adjective() {
        let names = |s: &str| -> Vec<String> { places(s).into_iter().map(|p| p.0).collect() };
        assert_eq!(
            names("Two drones were shot down over Kilo Lima."),
            vec!["Kilo Lima"]
        );
        assert_eq!(names("Shots hit the pastures above Mike."), vec!["Mike"]);
        let p = places("A strike hit a house in the south Oscar village of Papa Quebec.");
        let named: Vec<(&str, Option<&str>)> =
            p.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
        assert!(named.contains(&("Papa Quebec", None)), "{named:?}");
    }

    #[test]
    fn a_region_before_the_place_word_qualifies_the_places_after_of() {
        let p = places("Troops fired at houses in the Oscar villages of Kilo and Lima overnight.");
        assert_eq!(
            p.iter()
                .map(|x| (x.0.as_str(), x.2.as_deref()))
                .collect::<Vec<_>>(),
            vec![("Kilo", Some("Oscar")), ("Lima", Some("Oscar"))]
        );
        let s = "Troops fired at the Oscar border village of Kilo.";
        let p = find_places(s, &[Span::new(20, 25), Span::new(44, 48)], &[]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            (p[0].name.as_str(), p[0].admin.as_deref()),
            ("Kilo", Some("Oscar"))
        );
        // The region after "of": "the Kilo village of the Oscar region".
        let s = "Troops fired at the Kilo village of the Oscar region.";
        let known = [Span::new(20, 24), Span::new(40, 45)];
        let p = find_places(s, &known, &[]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            (p[0].name.as_str(), p[0].admin.as_deref()),
            ("Kilo", Some("Oscar"))
        );
    }

    #[test]
    fn a_bulleted_item_headed_by_its_place() {
        let s = "- Romeo: a drone dropped an explosive on a bus stop.";
        let p = find_places(s, &[Span::new(2, 7)], &[]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Romeo");
        // Without the bullet too ("Romeo: ..."), but a wire dateline in capitals is
        // where the report was filed.
        let s = "Romeo: a drone dropped an explosive on a bus stop.";
        assert_eq!(find_places(s, &[Span::new(0, 5)], &[]).len(), 1);
        let s = "ROMEO: a drone dropped an explosive on a bus stop.";
        assert!(find_places(s, &[Span::new(0, 5)], &[]).is_empty());
    }

    #[test]
    fn units_and_destinations_are_no_places() {
        let names = |s: &str| -> Vec<String> { places(s).into_iter().map(|p| p.0).collect() };
        assert_eq!(
            names("Gunmen stormed a Golf National Army base in Hotel on Tuesday."),
            vec!["Hotel"]
        );
        assert_eq!(
            names("Farm workers fled towards India after the shelling of Juliett."),
            vec!["Juliett"]
        );
    }

    #[test]
    fn lists_with_admin_regions() {
        let s = "Units fired on positions in the directions of Alpha settlement of the Delta region, Bravo and Charlie settlements of the Echo region.";
        let p = places(s);
        let names: Vec<&str> = p.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, vec!["Alpha", "Bravo", "Charlie"]);
        assert_eq!(p[0].2.as_deref(), Some("Delta"));
        assert_eq!(p[1].2.as_deref(), Some("Echo"));
        assert_eq!(p[2].2.as_deref(), Some("Echo"));
        assert!(p.iter().all(|x| x.1 == PlaceRole::Target));
    }

    #[test]
    fn where_the_firing_units_stand_is_where_fire_came_from() {
        let roles = |s: &str| -> Vec<(String, PlaceRole)> {
            places(s).into_iter().map(|p| (p.0, p.1)).collect()
        };
        let o = PlaceRole::Origin;
        let t = PlaceRole::Target;
        assert_eq!(
            roles("Units stationed near Foxtrot village of the Golf region and near Hotel opened fire on our positions in the direction of the Kilo settlement."),
            [("Foxtrot".into(), o), ("Hotel".into(), o), ("Kilo".into(), t)]
        );
        assert_eq!(
            roles("Army units, firing from near the Foxtrot settlement, fired at our positions in the direction of the Kilo settlement."),
            [("Foxtrot".into(), o), ("Kilo".into(), t)]
        );
        assert_eq!(
            roles("In addition, enemy units near the Foxtrot settlement fired at our positions near Kilo."),
            [("Foxtrot".into(), o), ("Kilo".into(), t)]
        );
        // The troops hit: "a gathering of soldiers near P", "a drone downed by troops near P".
        assert_eq!(
            roles("Fighters targeted a gathering of enemy soldiers near the Foxtrot settlement with shells."),
            [("Foxtrot".into(), t)]
        );
    }

    #[test]
    fn origin_and_target_in_one_sentence() {
        let s = "Units from the positions in the direction of Foxtrot settlement of the Golf region subjected to fire the positions stationed in the direction of Hotel settlement of the India region.";
        let p = places(s);
        assert_eq!(p[0].0, "Foxtrot");
        assert_eq!(p[0].1, PlaceRole::Origin);
        assert_eq!(p[1].0, "Hotel");
        assert_eq!(p[1].1, PlaceRole::Target);
    }

    #[test]
    fn colon_lists_of_settlements_are_places() {
        let s = "Russian troops shelled 3 settlements of the region: Alpha, Bravo and Charlie.";
        let known = [Span::new(52, 57), Span::new(59, 64), Span::new(69, 76)];
        let names: Vec<String> = find_places(s, &known, &[])
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, vec!["Alpha", "Bravo", "Charlie"]);
    }

    #[test]
    fn bracketed_names_are_aliases_and_sectors_list() {
        let s = "Fire hit Upper Kilo (Verin Kilo) settlement and the Lima, Mike and Oscar sectors.";
        let p = find_places(s, &[], &[]);
        assert_eq!(p[0].name, "Upper Kilo");
        assert_eq!(p[0].alt_names, vec!["Verin Kilo".to_string()]);
        let names: Vec<&str> = p.iter().map(|x| x.name.as_str()).collect();
        assert!(
            names.contains(&"Lima") && names.contains(&"Oscar"),
            "{names:?}"
        );
    }
}
