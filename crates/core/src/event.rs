//! Incident records: the contract of `CODEBOOK.md` §2.

use serde::{Deserialize, Serialize};

use crate::{Date, Span};

/// ACLED event types (CODEBOOK §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    /// Battles.
    #[serde(rename = "Battles")]
    Battles,
    /// Explosions/Remote violence.
    #[serde(rename = "Explosions/Remote violence")]
    ExplosionsRemoteViolence,
    /// Violence against civilians.
    #[serde(rename = "Violence against civilians")]
    ViolenceAgainstCivilians,
    /// Protests.
    #[serde(rename = "Protests")]
    Protests,
    /// Riots.
    #[serde(rename = "Riots")]
    Riots,
    /// Strategic developments.
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

macro_rules! sub_types {
    ($( $variant:ident => $label:literal, $parent:ident; )*) => {
        /// ACLED sub-event types (CODEBOOK §4), each under one [`EventType`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum SubEventType {
            $(
                #[doc = $label]
                #[serde(rename = $label)]
                $variant,
            )*
        }

        /// Every sub-event type with its parent type and exact ACLED label.
        pub const ACLED_TYPES: &[(SubEventType, EventType, &str)] = &[
            $( (SubEventType::$variant, EventType::$parent, $label), )*
        ];

        impl SubEventType {
            /// The event type this sub-type belongs to.
            pub fn event_type(self) -> EventType {
                match self { $( SubEventType::$variant => EventType::$parent, )* }
            }

            /// The exact ACLED label.
            pub fn label(self) -> &'static str {
                match self { $( SubEventType::$variant => $label, )* }
            }
        }
    };
}

sub_types! {
    ArmedClash => "Armed clash", Battles;
    GovernmentRegainsTerritory => "Government regains territory", Battles;
    NonStateActorOvertakesTerritory => "Non-state actor overtakes territory", Battles;
    ChemicalWeapon => "Chemical weapon", ExplosionsRemoteViolence;
    AirDroneStrike => "Air/drone strike", ExplosionsRemoteViolence;
    SuicideBomb => "Suicide bomb", ExplosionsRemoteViolence;
    Shelling => "Shelling/artillery/missile attack", ExplosionsRemoteViolence;
    RemoteExplosive => "Remote explosive/landmine/IED", ExplosionsRemoteViolence;
    Grenade => "Grenade", ExplosionsRemoteViolence;
    SexualViolence => "Sexual violence", ViolenceAgainstCivilians;
    Attack => "Attack", ViolenceAgainstCivilians;
    Abduction => "Abduction/forced disappearance", ViolenceAgainstCivilians;
    PeacefulProtest => "Peaceful protest", Protests;
    ProtestWithIntervention => "Protest with intervention", Protests;
    ExcessiveForce => "Excessive force against protesters", Protests;
    ViolentDemonstration => "Violent demonstration", Riots;
    MobViolence => "Mob violence", Riots;
    Agreement => "Agreement", StrategicDevelopments;
    Arrests => "Arrests", StrategicDevelopments;
    ChangeToGroup => "Change to group/activity", StrategicDevelopments;
    DisruptedWeaponsUse => "Disrupted weapons use", StrategicDevelopments;
    HeadquartersEstablished => "Headquarters or base established", StrategicDevelopments;
    LootingPropertyDestruction => "Looting/property destruction", StrategicDevelopments;
    NonViolentTransfer => "Non-violent transfer of territory", StrategicDevelopments;
    Other => "Other", StrategicDevelopments;
}

/// How precisely the date of an event is known (UCDP date_prec / ACLED time_precision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// The day is known.
    Day,
    /// Only the week.
    Week,
    /// Only the month.
    Month,
    /// Only the year.
    Year,
}

/// A resolved place (CODEBOOK §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Location {
    /// Name of the place as the gazetteer knows it.
    pub name: String,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// First-order administrative region.
    pub admin1: Option<String>,
    /// Latitude (WGS84).
    pub lat: Option<f64>,
    /// Longitude (WGS84).
    pub lon: Option<f64>,
    /// 1 = the place itself, 2 = near it / a named height or area, 3 = only the region.
    pub geo_precision: u8,
}

/// How a claimant stands to an account of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// States that it happened.
    Asserts,
    /// States that it did not happen (or that it had no losses).
    Denies,
    /// Gives a different account of what happened.
    Disputes,
}

/// One side's version of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Who states it; `None` when the outlet states it in its own voice.
    pub claimant: Option<String>,
    /// Asserts, denies or disputes.
    pub stance: Stance,
    /// Deaths this claimant gives, when it gives a figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatalities: Option<u32>,
    /// Injuries this claimant gives, when it gives a figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injuries: Option<u32>,
    /// The words the claim rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One incident record (CODEBOOK §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id of the source document.
    pub doc: String,
    /// First day, when the text and its metadata fix it.
    pub date: Option<Date>,
    /// Last day.
    pub date_end: Option<Date>,
    /// Precision of `date`.
    pub date_precision: Option<DatePrecision>,
    /// Local time or range as reported (`HH:MM` or `HH:MM-HH:MM`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// ACLED event type.
    pub event_type: EventType,
    /// ACLED sub-event type.
    pub sub_event_type: SubEventType,
    /// The side said to have acted.
    pub actor1: Option<String>,
    /// The other side.
    pub actor2: Option<String>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Where fire came from, when named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Location>,
    /// Normalised weapon names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weapons: Vec<String>,
    /// Deaths (0 when none or not stated).
    pub fatalities: u32,
    /// Injuries (0 when none or not stated).
    pub injuries: u32,
    /// Who states it; `None` for the outlet's own voice.
    pub claimant: Option<String>,
    /// Each side's version, when sides differ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// True for background incidents.
    pub context: bool,
    /// Character offsets of the sentences the record rests on, in the cleaned text.
    pub evidence: Vec<Span>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_serialise_exactly_as_acled_spells_them() {
        let j = serde_json::to_string(&SubEventType::Shelling).unwrap();
        assert_eq!(j, "\"Shelling/artillery/missile attack\"");
        let j = serde_json::to_string(&EventType::ExplosionsRemoteViolence).unwrap();
        assert_eq!(j, "\"Explosions/Remote violence\"");
        assert_eq!(ACLED_TYPES.len(), 25);
    }

    #[test]
    fn every_sub_type_has_its_parent() {
        assert_eq!(
            SubEventType::Arrests.event_type(),
            EventType::StrategicDevelopments
        );
        assert_eq!(
            SubEventType::AirDroneStrike.event_type(),
            EventType::ExplosionsRemoteViolence
        );
        for (sub, parent, label) in ACLED_TYPES {
            assert_eq!(sub.event_type(), *parent);
            assert_eq!(sub.label(), *label);
        }
    }
}
