//! Who states each event: officials, ombudsmen, spokespersons and pronouns that
//! refer back, on report texts written for these tests.

mod common;

use common::{assemble, assemble_from, at};

fn claimant_at(text: &str, published: &str, place: &str) -> Option<String> {
    at(&assemble(text, Some(published)), place).claimant.clone()
}

#[test]
fn a_head_of_state_speaks_for_the_presidency() {
    let text = "Two Armenian servicemen who crossed the state border near Yellija in the Kalbajar district were detained on Wednesday, President Ilham Aliyev said.";
    assert_eq!(
        claimant_at(text, "2022-11-24", "Yellija").as_deref(),
        Some("President of Azerbaijan")
    );
}

#[test]
fn an_ombudsman_named_by_title() {
    let text = "A resident of Kut was wounded by Azerbaijani sniper fire on Sunday, Armenia's Human Rights Defender said in a statement.";
    assert_eq!(
        claimant_at(text, "2021-12-13", "Kut").as_deref(),
        Some("Human Rights Defender of Armenia")
    );
}

#[test]
fn a_pronoun_after_a_denial_is_the_denier() {
    let text = "The Armenian Defence Ministry said a soldier was wounded near Davit Bek on Monday night.\n\nThe Azerbaijani Defence Ministry denied opening fire near Davit Bek. It claimed instead that Armenian forces had fired at Azerbaijani positions in the direction of the Zangilan region on Monday evening.";
    let ev = assemble(text, Some("2023-05-23"));
    assert_eq!(
        at(&ev, "Davit Bek").claimant.as_deref(),
        Some("Ministry of Defence of Armenia")
    );
    let zangilan = ev
        .iter()
        .find(|e| {
            e.location
                .as_ref()
                .is_some_and(|l| l.name.starts_with("Zangilan"))
        })
        .unwrap_or_else(|| panic!("no Zangilan event: {ev:#?}"));
    assert_eq!(
        zangilan.claimant.as_deref(),
        Some("Ministry of Defence of Azerbaijan")
    );
}

#[test]
fn the_spokesman_is_the_one_who_spoke_before() {
    let text = "JAMMU: Pakistani troops opened fire on Indian posts in the Kirni sector of Poonch district on Sunday, a defence spokesman said.\n\nA woman was injured when a mortar shell exploded near her house in Shahpur village, a police officer said.\n\nOn Saturday evening, Pakistani troops had also fired at Indian posts in the Krishna Ghati sector, the spokesman added.";
    let ev = assemble(text, Some("2019-10-28"));
    assert_eq!(
        at(&ev, "Krishna Ghati").claimant.as_deref(),
        Some("Indian Army")
    );
}

#[test]
fn a_side_named_after_claimed_it_was_is_no_source() {
    let text = "In Srinagar, an Indian army spokesman, Colonel Rajesh Kalia, claimed it was the Pakistani side that had opened fire first in the Uri sector on Friday, and said one Indian soldier had been injured.";
    assert_eq!(
        claimant_at(text, "2020-03-07", "Uri").as_deref(),
        Some("Indian Army")
    );
}

#[test]
fn a_foreign_office_is_the_foreign_ministry() {
    let text = "In Islamabad, Pakistan's Foreign Office said Indian forces fired in the Charwa sector of Sialkot on Monday night, killing a woman.";
    assert_eq!(
        claimant_at(text, "2020-09-22", "Charwa").as_deref(),
        Some("Ministry of Foreign Affairs of Pakistan")
    );
}

#[test]
fn police_in_kashmir_are_the_state_s_police() {
    let text = "In Kel, a 70-year-old man was killed when his house came under Indian fire late on Friday night, the SP said.";
    assert_eq!(
        claimant_at(text, "2020-10-24", "Kel").as_deref(),
        Some("Azad Jammu and Kashmir Police")
    );
    let text = "Two houses were damaged when mortar shells landed in Uri on Monday, police said.";
    assert_eq!(
        claimant_at(text, "2020-09-22", "Uri").as_deref(),
        Some("Jammu and Kashmir Police")
    );
}

#[test]
fn the_other_side_s_account_in_the_district_is_its_own_event() {
    let text = "A resident of Chartar in the Martuni region of Nagorno-Karabakh was wounded yesterday when Azerbaijani servicemen fired at him in a field, the police of Nagorno-Karabakh said.\n\nThe Azerbaijani Defence Ministry called the report a lie. In a statement on Monday evening, the ministry said instead that illegal Armenian armed detachments had opened fire on Azerbaijani army positions in the Khojavend direction.";
    let ev = assemble(text, Some("2023-08-15"));
    let chartar = at(&ev, "Chartar");
    assert_eq!(chartar.claimant.as_deref(), Some("Nagorno-Karabakh Police"));
    assert_eq!(chartar.injuries, 1);
    let account = ev
        .iter()
        .find(|e| e.claimant.as_deref() == Some("Ministry of Defence of Azerbaijan"))
        .unwrap_or_else(|| panic!("no event of the ministry's account: {ev:#?}"));
    assert_eq!(
        account.actor1.as_deref(),
        Some("Nagorno-Karabakh Armenian forces")
    );
}

#[test]
fn an_agency_citing_its_own_correspondent_speaks_in_its_own_voice() {
    let ev = assemble_from(
        "NNA - An Israeli drone struck a car near Kfar Kila at noon today, killing its driver, NNA's correspondent reported.\n\nIn the afternoon, Israeli artillery shelled the outskirts of Markaba.\n\nThe Israeli army later said its aircraft had struck a Hezbollah position near Kfar Kila and artillery had hit targets near Markaba.",
        Some("2024-01-16"),
        Some("National News Agency"),
    );
    assert_eq!(at(&ev, "Kfar Kila").claimant, None, "{ev:#?}");
    assert_eq!(at(&ev, "Markaba").claimant, None, "{ev:#?}");
}

#[test]
fn an_institution_s_own_channel_speaks_for_it() {
    let text = "Over the past day, the Russians shelled the border communities of the region.\n\n\
                Khotin community: mortar shelling (5 explosions), a barn was damaged.";
    let events = assemble_from(
        text,
        Some("2024-05-10"),
        Some("Sumy Regional Military Administration (Telegram)"),
    );
    assert!(!events.is_empty());
    for e in &events {
        assert_eq!(
            e.claimant.as_deref(),
            Some("Sumy Regional Military Administration"),
            "{events:#?}"
        );
    }
    // A news agency, or a broadcaster named with its country, is the outlet's own voice.
    for outlet in [
        "Ukrinform",
        "Al-Manar TV Lebanon",
        "National News Agency - Lebanon",
    ] {
        let events = assemble_from(
            "A drone hit a house in Metula on Monday, wounding a man.",
            Some("2024-05-20"),
            Some(outlet),
        );
        assert_eq!(events.len(), 1, "{outlet}");
        assert_eq!(events[0].claimant, None, "{outlet}");
    }
}
