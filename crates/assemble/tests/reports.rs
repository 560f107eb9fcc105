//! End-to-end assembly on report texts written for these tests, in the genre of
//! defence-ministry statements and wire reports.

mod common;

use common::{assemble, at};
use sitrep_core::{Event, EventType, SubEventType};

#[test]
fn ministry_statement_gives_one_event_per_target_with_origin() {
    let text = "On April 2, starting from 21:10 to 23:40, units of the Armenian armed forces from the positions in the direction of the Chinari settlement of the Tovuzgala region subjected to fire the positions of the Azerbaijan Army stationed in the direction of Alibayli and Kokhanebi settlements of the Tovuz region using small arms, the Defence Ministry of Azerbaijan said.";
    let ev = assemble(text, Some("2024-04-03"));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    for place in ["Alibayli", "Kokhanebi"] {
        let e = at(&ev, place);
        assert_eq!(e.date.unwrap().to_string(), "2024-04-02");
        assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
        assert_eq!(e.actor1.as_deref(), Some("Military Forces of Armenia"));
        assert_eq!(e.actor2.as_deref(), Some("Military Forces of Azerbaijan"));
        assert_eq!(e.location.as_ref().unwrap().country.as_deref(), Some("AZ"));
        assert_eq!(e.origin.as_ref().map(|o| o.name.as_str()), Some("Chinari"));
        assert_eq!(e.weapons, vec!["small arms".to_string()]);
        assert_eq!(e.time.as_deref(), Some("21:10-23:40"));
        assert_eq!(
            e.claimant.as_deref(),
            Some("Ministry of Defence of Azerbaijan")
        );
    }
}

#[test]
fn naming_traditions_resolve_to_one_place() {
    let az = assemble(
        "On May 5, Armenian units fired on Azerbaijani positions in the Kalbajar direction from the direction of the Zod settlement of the Basarkechar region.",
        Some("2024-05-06"),
    );
    assert_eq!(az.len(), 1, "{az:#?}");
    assert_eq!(
        az[0].location.as_ref().unwrap().admin1.as_deref(),
        Some("Kalbajar")
    );
    let origin = az[0].origin.as_ref().expect("origin");
    assert_eq!(origin.name, "Sotk");
    assert_eq!(origin.country.as_deref(), Some("AM"));
}

#[test]
fn casualties_weekdays_and_denials() {
    let text = "Two Armenian servicemen were killed and three wounded when Azerbaijani forces opened fire on Armenian positions near the village of Norabak on Thursday, the Defence Ministry of Armenia said.\nThe Azerbaijani Defence Ministry denied the report.";
    // 2024-05-10 is a Friday: "on Thursday" is the day before.
    let ev = assemble(text, Some("2024-05-10"));
    let e = at(&ev, "Norabak");
    assert_eq!(e.date.unwrap().to_string(), "2024-05-09");
    assert_eq!((e.fatalities, e.injuries), (2, 3));
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Azerbaijan"));
    assert_eq!(e.actor2.as_deref(), Some("Military Forces of Armenia"));
    assert!(
        e.claims
            .iter()
            .any(|c| c.stance == sitrep_core::Stance::Denies),
        "{e:#?}"
    );
    assert_eq!(e.evidence.len(), 2, "both sentences support it");
}

#[test]
fn shelling_of_villages_hits_civilians_and_background_is_not_an_event() {
    let text = "Pakistan Army fired mortar shells at Balkote village in the Uri sector on Monday, injuring two civilians, police said.\nThe two countries have fought over Kashmir since 1947.";
    let ev = assemble(text, Some("2023-10-10"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = at(&ev, "Balkote");
    assert_eq!(e.event_type, EventType::ExplosionsRemoteViolence);
    assert_eq!(e.sub_event_type, SubEventType::Shelling);
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Pakistan"));
    assert_eq!(e.actor2.as_deref(), Some("Civilians (IN)"));
    assert_eq!(e.injuries, 2);
    assert_eq!(e.date.unwrap().to_string(), "2023-10-09");
}

#[test]
fn an_explosive_device_dropped_from_a_quadcopter_is_a_drone_strike() {
    let text = "On Monday the enemy used a quadcopter to drop an explosive device on our positions near Sotk, the Armenian Defence Ministry said.";
    let ev = assemble(text, Some("2024-05-15"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(ev[0].weapons, vec!["drone".to_string()]);
}

#[test]
fn a_report_with_no_event_day_takes_the_day_its_source_spoke() {
    // Published on a Thursday; the ministry spoke on Tuesday.
    let text = "The Defence Ministry of Azerbaijan said on Tuesday that Armenian units had fired at its positions near Kokhanabi.";
    let ev = assemble(text, Some("2024-05-16"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].date.map(|d| d.to_string()).as_deref(),
        Some("2024-05-14")
    );
    // A day of the event itself still comes first.
    let text = "The Defence Ministry of Azerbaijan said on Tuesday that Armenian units had fired at its positions near Kokhanabi on Monday night.";
    let ev = assemble(text, Some("2024-05-16"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].date.map(|d| d.to_string()).as_deref(),
        Some("2024-05-13")
    );
}

#[test]
fn towns_told_as_the_subject_of_shelling_are_events() {
    let text = "On Monday Huliaipole was shelled with artillery. Stepnohirsk and Mala Tokmachka came under Russian mortar fire, the regional administration said.";
    let ev = assemble(text, Some("2024-06-04"));
    assert_eq!(ev.len(), 3, "{ev:#?}");
    for place in ["Hulyaypole", "Stepnohirsk", "Mala Tokmachka"] {
        let e = at(&ev, place);
        assert_eq!(e.sub_event_type, SubEventType::Shelling, "{place}");
        assert_eq!(e.location.as_ref().unwrap().country.as_deref(), Some("UA"));
    }
}

#[test]
fn the_area_a_place_lies_in_is_no_event_of_its_own() {
    for (text, place) in [
        ("Indian troops fired mortar shells near Kel in the Neelum valley on Monday, injuring a shopkeeper.", "Kel"),
        ("Gunmen from across the border raided the Basunda locality of the al-Fashaga area on Monday and killed three farmers.", "Basunda"),
        ("Azerbaijani units fired on a border post near Tegh in Syunik in March 2023, killing a soldier.", "Tegh"),
        ("In the Zolochiv community, a 56-year-old man was killed on Monday after stepping on a Russian mine near the village of Udy, the regional administration said.", "Udy"),
        ("Kyrgyz forces fired mortars at the village of Khoja Alo in the Vorukh jamoat on Monday, the statement said.", "Khoja Alo"),
    ] {
        let ev = assemble(text, Some("2024-06-04"));
        assert_eq!(ev.len(), 1, "{text}: {ev:#?}");
        assert_eq!(ev[0].location.as_ref().unwrap().name, place);
    }
}

#[test]
fn a_source_goes_on_in_the_sentences_that_refer_back_to_it() {
    let text = "Russian shells killed two people in Ukraine's Kharkiv region on Tuesday, regional governor Oleh Syniehubov said.\n\nTwo men were killed when shells hit a street in Kupiansk, Syniehubov wrote on Telegram.\n\nA drone also hit a minibus in the village of Zolochiv, wounding four passengers, he said.\n\nUkraine's military said its forces had repelled 12 Russian assaults near Lyptsi.";
    let ev = assemble(text, Some("2024-06-05"));
    for place in ["Kupiansk", "Zolochiv"] {
        assert_eq!(
            at(&ev, place).claimant.as_deref(),
            Some("Governor of Kharkiv Oblast"),
            "{place}: {ev:#?}"
        );
    }
}

#[test]
fn a_dateline_naming_its_country_and_earlier_today() {
    // The dateline's day is the filing day; "on Friday" dates the fighting.
    let text = "GOMA, Democratic Republic of Congo, Feb 10 (Reuters) - Rebels and the army fought for a second day on Friday around the town of Sake, killing three civilians, residents said.";
    let ev = assemble(text, Some("2025-02-10"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].date.map(|d| d.to_string()).as_deref(),
        Some("2025-02-07")
    );
    // "Earlier today" is the same news cycle, no background.
    let text =
        "Earlier today, Israeli jets struck a Hezbollah launcher in Aita al-Shaab, the IDF said.";
    let ev = assemble(text, Some("2024-06-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert!(!ev[0].context);
}

#[test]
fn protests_and_riots_are_coded_with_the_crowd_as_actor() {
    let text = "On Sunday, several hundred villagers held a rally in Kirants against the new border posts.";
    let ev = assemble(text, Some("2024-06-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::PeacefulProtest);
    assert_eq!(ev[0].actor1.as_deref(), Some("Protesters (AM)"));
    let text = "Police fired tear gas to disperse dozens of protesters who blocked the road near Kirants on Monday.";
    let ev = assemble(text, Some("2024-06-04"));
    assert_eq!(ev[0].sub_event_type, SubEventType::ProtestWithIntervention);
    assert_eq!(ev[0].actor2.as_deref(), Some("Police Forces of Armenia"));
    let text = "Youths threw stones at border guards in Kok-Tash on Monday, injuring two of them.";
    let ev = assemble(text, Some("2024-06-04"));
    assert_eq!(ev[0].sub_event_type, SubEventType::ViolentDemonstration);
    assert_eq!(ev[0].actor1.as_deref(), Some("Rioters (KG)"));
    // A ministry's protest is no demonstration.
    let text = "The foreign ministry protested to the ambassador on Monday.";
    assert!(assemble(text, Some("2024-06-04")).is_empty());
}

#[test]
fn a_casualty_told_at_its_own_place_goes_there() {
    let text = "Azerbaijani units fired at Armenian positions near Sotk on Monday night, the Armenian Defence Ministry said.\nA contract serviceman received a gunshot wound at a position near Kut, the ministry added.";
    let ev = assemble(text, Some("2024-06-04"));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    assert_eq!(at(&ev, "Sotk").injuries, 0);
    let kut = at(&ev, "Kut");
    assert_eq!(kut.injuries, 1);
    assert_eq!(kut.sub_event_type, SubEventType::ArmedClash);
}

#[test]
fn a_roadside_bomb_is_an_ied() {
    let text = "A roadside bomb killed three soldiers on the road outside Mogadishu on Tuesday, officials said.";
    let ev = assemble(text, Some("2024-06-06"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::RemoteExplosive);
    assert_eq!(ev[0].fatalities, 3);
}

#[test]
fn officials_of_the_side_hit_are_not_the_other_side_named_later() {
    let text = "A civilian was killed when Indian troops fired a missile at a bus near Kel on Monday, officials said.\n\nThe Indian army said its troops had fired only at launch pads across the line.";
    let ev = assemble(text, Some("2024-06-04"));
    let kel = at(&ev, "Kel");
    assert_eq!(kel.claimant, None, "{ev:#?}");
    assert_eq!(kel.fatalities, 1);
}

#[test]
fn a_drone_shot_down_is_disrupted_weapons_use() {
    let text = "On June 8, at about 20:10, a quadcopter belonging to illegal Armenian armed detachments attempted to fly over the Azerbaijan Army positions in the direction of the Aghdam region and was suppressed.";
    let ev = assemble(text, Some("2023-06-09"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
    assert_eq!(ev[0].location.as_ref().unwrap().geo_precision, 3);
    assert_eq!(ev[0].weapons, vec!["drone".to_string()]);
}

#[test]
fn text_without_incidents_gives_no_events() {
    assert!(assemble(
        "The foreign ministers met in Geneva to discuss a peace agreement.",
        Some("2024-01-01")
    )
    .is_empty());
    assert!(assemble("", None).is_empty());
}

#[test]
fn cross_border_exchange_keeps_each_side_s_acts_apart() {
    let text = "Hezbollah fired a barrage of 20 rockets at Kiryat Shmona on Wednesday, the Israel Defense Forces said, lightly injuring two civilians.\nIn response, Israeli fighter jets struck Hezbollah targets in the southern Lebanese villages of Aita al-Shaab and Khiam, the military said.\nAn anti-tank missile was also fired at an army post near Metula. No soldiers were hurt.";
    let ev = assemble(text, Some("2024-05-02"));
    assert_eq!(ev.len(), 4, "{ev:#?}");
    let k = at(&ev, "Kiryat Shmona");
    assert_eq!(
        (k.actor1.as_deref(), k.actor2.as_deref()),
        (Some("Hezbollah"), Some("Civilians (IL)"))
    );
    assert_eq!(k.injuries, 2);
    for village in ["Aita al-Shaab", "Khiam"] {
        let e = at(&ev, village);
        assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
        assert_eq!(e.actor1.as_deref(), Some("Military Forces of Israel"));
        assert_eq!(e.location.as_ref().unwrap().country.as_deref(), Some("LB"));
    }
    let m = at(&ev, "Metula");
    assert_eq!(m.actor1.as_deref(), Some("Hezbollah"));
    assert_eq!(m.actor2.as_deref(), Some("Military Forces of Israel"));
}

#[test]
fn border_post_and_village_with_district_qualifier() {
    let text = "On the morning of April 28, Tajik servicemen opened fire on the Kyrgyz border outpost of Kojo-Alo in Batken district using small arms, the Border Service of Kyrgyzstan said. One Kyrgyz border guard was wounded.\nLater the Tajik side used mortars against positions near the village of Ak-Sai.";
    let ev = assemble(text, Some("2024-05-02"));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    let post = at(&ev, "Kojo-Alo");
    assert_eq!(post.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(post.injuries, 1);
    assert_eq!(post.date.unwrap().to_string(), "2024-04-28");
    let village = at(&ev, "Ak-Sai");
    assert_eq!(village.sub_event_type, SubEventType::Shelling);
    assert_eq!(
        village.actor1.as_deref(),
        Some("Military Forces of Tajikistan")
    );
    assert_eq!(
        village.actor2.as_deref(),
        Some("Military Forces of Kyrgyzstan")
    );
}

#[test]
fn nested_admin_address_and_night_range() {
    let text = "On September 5, starting from 23:15 until 01:30 on September 6, units of the Armenian armed forces located in the direction of the Yeraskh settlement of the Ararat region subjected to fire the positions of the Azerbaijan Army stationed in the direction of the Heydarabad settlement of the Sadarak district of the Nakhchivan Autonomous Republic.";
    let ev = assemble(text, Some("2024-09-07"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = at(&ev, "Heydarabad");
    assert_eq!(e.origin.as_ref().map(|o| o.name.as_str()), Some("Yeraskh"));
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Armenia"));
    assert_eq!(e.date.unwrap().to_string(), "2024-09-05");
}

#[test]
fn a_place_qualified_by_its_area_is_one_event_and_numbers_of_dead_count() {
    let text = "Five Sudanese soldiers were killed on Tuesday when Ethiopian militias backed by Ethiopian forces attacked an army position near Jabal Abu Tayour in the al-Fashaga area, Sudan's army said in a statement.\nEthiopia's foreign ministry denied that its forces took part.";
    let ev = assemble(text, Some("2024-09-17"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = at(&ev, "Jabal Abu Tayour");
    assert_eq!(e.fatalities, 5);
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Ethiopia"));
    assert_eq!(e.actor2.as_deref(), Some("Military Forces of Sudan"));
    assert!(e
        .claims
        .iter()
        .any(|c| c.stance == sitrep_core::Stance::Denies));
}

#[test]
fn conflicts_without_a_curated_pack_use_the_world_base() {
    let text = "Al-Shabaab militants attacked a military base in the town of Beledweyne on Saturday, killing at least seven soldiers, a Somali army officer said.";
    let ev = assemble(text, Some("2025-07-26"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = at(&ev, "Beledweyne");
    assert_eq!(e.location.as_ref().unwrap().country.as_deref(), Some("SO"));
    assert!(e.location.as_ref().unwrap().lat.is_some());
    assert_eq!(e.actor1.as_deref(), Some("Al Shabaab"));
    assert_eq!(e.fatalities, 7);
    assert_eq!(e.date.unwrap().to_string(), "2025-07-26");
}

#[test]
fn a_named_site_unknown_to_the_gazetteer_is_kept_with_its_province() {
    let text = "Thai and Cambodian soldiers exchanged fire near the Ta Muen Thom temple in Surin province early on Thursday, killing one Thai soldier and wounding three, the Royal Thai Army said.";
    let ev = assemble(text, Some("2025-07-26"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!(loc.name, "Ta Muen Thom");
    assert_eq!(loc.country.as_deref(), Some("TH"));
    assert_eq!(loc.geo_precision, 3, "placed at its province");
    assert_eq!((ev[0].fatalities, ev[0].injuries), (1, 3));
    assert_eq!(ev[0].date.unwrap().to_string(), "2025-07-24");
}

#[test]
fn who_speaks_for_whom() {
    // An unnamed ministry speaks for the side whose positions were hit.
    let text = "On May 3, units of the Armenian armed forces opened fire on the positions of the Azerbaijani army near Kokhanebi village of the Tovuz region, the ministry said.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(
        at(&ev, "Kokhanebi").claimant.as_deref(),
        Some("Ministry of Defence of Azerbaijan")
    );
    // So does an unnamed foreign ministry, under its own name.
    let text = "On May 3, Azerbaijani forces opened fire on the positions of the Armenian armed forces near Tegh village, the foreign ministry said in a statement.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(
        at(&ev, "Tegh").claimant.as_deref(),
        Some("Ministry of Foreign Affairs of Armenia")
    );
    // A national service named without its country is the one of the side hit.
    let text = "According to the Border Service of the State Committee for National Security, Tajik servicemen opened fire on the positions of the Kyrgyz side near Ak-Sai on May 3.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(
        at(&ev, "Ak-Sai").claimant.as_deref(),
        Some("Border Service of the State Committee for National Security of Kyrgyzstan")
    );
    // A headline's speaker who says it acted is the agent, and the claimant.
    let text = "Kyrgyzstan says it shelled Ak-Sai in retaliation for Tajik fire on May 3.";
    let ev = assemble(text, Some("2024-05-04"));
    let e = at(&ev, "Ak-Sai");
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Kyrgyzstan"));
    assert_eq!(e.claimant.as_deref(), Some("Government of Kyrgyzstan"));
}

#[test]
fn a_place_in_the_name_of_the_source_is_not_an_event_place() {
    let text = "Russian forces shelled Bilozerka overnight, killing one civilian, the head of the Kherson Regional Military Administration said.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = at(&ev, "Bilozerka");
    assert_eq!(e.fatalities, 1);
    assert_eq!(
        e.claimant.as_deref(),
        Some("Kherson Regional Military Administration")
    );
}

#[test]
fn encounters_and_killings_by_forces_are_events() {
    let text = "Indian troops killed two militants in an encounter in Kupwara district on Friday, police said.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::ArmedClash);
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of India"));
    assert_eq!(ev[0].fatalities, 2);
    let text = "Gunmen killed three villagers near Bint Jbeil on Friday.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].event_type, EventType::ViolenceAgainstCivilians);
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (LB)"));
}

#[test]
fn fire_near_a_line_is_placed_in_the_region_named_with_it() {
    let text = "Pakistani troops fired on Indian posts near the Line of Control in Poonch district on Tuesday.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!(loc.name, "Poonch district");
    assert_eq!(loc.geo_precision, 3);
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Pakistan"));
}

#[test]
fn a_region_owned_by_a_state_is_placed_in_that_state() {
    // The possessor names the region's state; it is no event place of its own.
    let text = "A soldier was wounded when Pakistani troops fired on Indian posts along the Line of Control in Jammu and Kashmir's Kupwara district on Monday, officials said.";
    let ev = assemble(text, Some("2024-05-08"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!(loc.name, "Kupwara district");
    assert_eq!(loc.country.as_deref(), Some("IN"));
    assert_eq!(ev[0].injuries, 1);
}

#[test]
fn a_demonym_before_posts_is_no_place() {
    let text =
        "Pakistani troops fired on Indian posts in Kupwara district on Monday, officials said.";
    let ev = assemble(text, Some("2024-05-08"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Kupwara district");
}

#[test]
fn regions_that_only_name_a_stretch_of_border_give_way_to_the_village() {
    let text = "Soldiers of both countries exchanged fire on Sunday at the border between Kyrgyzstan's Batken region and Tajikistan's Sughd region, near the village of Kok-Tash, the Kyrgyz border service said.";
    let ev = assemble(text, Some("2024-05-06"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Kok-Tash");
}

#[test]
fn soldiers_among_the_dead_make_the_forces_the_target() {
    let text = "Two soldiers and three civilians were killed when Pakistani troops shelled Keran on Friday.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of India"));
    assert_eq!(ev[0].fatalities, 5);
    let text = "Three civilians were killed when Pakistani troops shelled Keran on Friday.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (IN)"));
}

#[test]
fn mines_nobody_is_said_to_have_laid_are_an_unnamed_groups() {
    let text = "Two employees of a demining agency were killed when their vehicle hit an anti-tank mine near Chaykend in Kalbajar district on Monday.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::RemoteExplosive);
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Unidentified Armed Group (AZ)")
    );
    assert_eq!(ev[0].fatalities, 2);
    // A mine the report says someone laid is theirs.
    let text = "Armenian saboteurs planted a mine that exploded near Chaykend in Kalbajar district on Monday, wounding an Azerbaijani soldier.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Armenia"));
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
}

#[test]
fn deaths_and_strikes_told_without_a_firing_verb_are_events() {
    // Passive casualties with no act named: the forces hit, an armed clash.
    let text = "Two Armenian servicemen were killed near Sotk in Gegharkunik province on Tuesday, the Defence Ministry of Armenia reported.";
    let ev = assemble(text, Some("2024-05-08"));
    let e = at(&ev, "Sotk");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(
        e.claimant.as_deref(),
        Some("Ministry of Defence of Armenia")
    );
    assert_eq!(e.actor2.as_deref(), Some("Military Forces of Armenia"));
    assert_eq!(e.fatalities, 2);
    // "strike" as a noun, with its author in the adjective.
    let text = "Two Hezbollah fighters were killed in an Israeli strike near Aitaroun on Sunday.";
    let ev = assemble(text, Some("2024-05-06"));
    let e = at(&ev, "Aitaroun");
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Israel"));
    assert_eq!(e.actor2.as_deref(), Some("Hezbollah"));
    // A weapon's impact: "a drone hit".
    let text =
        "A Russian drone hit an apartment block in Kharkiv on Tuesday, wounding three residents.";
    let ev = assemble(text, Some("2024-05-08"));
    let e = at(&ev, "Kharkiv");
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Russia"));
    assert_eq!(e.injuries, 3);
}

#[test]
fn where_fire_came_from_and_sectors_named_with_their_region() {
    let text = "On May 3, Armenian armed forces from positions near Berd subjected to fire the positions of the Azerbaijan Army in the Tovuz district.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].origin.as_ref().map(|o| o.name.as_str()), Some("Berd"));
    assert_eq!(
        ev[0].location.as_ref().unwrap().country.as_deref(),
        Some("AZ")
    );
    // "X sector of Y": one event, at X; a spokesman's seat is no place of the event.
    let text = "Pakistani troops opened fire in the Machil sector of Kupwara on Saturday night, a spokesman for the Indian Army in Srinagar said.";
    let ev = assemble(text, Some("2024-05-05"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Machil");
    // Fire "along the LoC in the X sector" is placed in the sector.
    let text = "Pakistani troops opened fire along the LoC in the Keran sector on Saturday night.";
    let ev = assemble(text, Some("2024-05-05"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].location.as_ref().unwrap().country.as_deref(),
        Some("IN")
    );
}

#[test]
fn an_unknown_village_is_not_placed_at_a_foreign_namesake() {
    // Not in the curated pack; the world base has namesakes in other countries.
    let text = "A civilian was wounded when a landmine exploded in the village of Sarijali in the Aghdam district on Sunday.";
    let ev = assemble(text, Some("2024-05-06"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!(loc.country.as_deref(), Some("AZ"), "{loc:?}");
    assert_eq!(loc.geo_precision, 3, "placed in its district: {loc:?}");
    // A lowercase Arabic article still begins a known name.
    let text = "Ethiopian forces shelled Sudanese positions in al-Fashaga on Saturday, killing two soldiers.";
    let ev = assemble(text, Some("2024-05-06"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].location.as_ref().unwrap().country.as_deref(),
        Some("SD")
    );
}

#[test]
fn sources_are_named_as_institutions_call_themselves() {
    let text = "Ethiopian forces shelled Sudanese positions near Basunda on Saturday, the Sudanese Armed Forces said.";
    let ev = assemble(text, Some("2024-05-06"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].claimant.as_deref(), Some("Sudanese Armed Forces"));
    // A border service named without its country is the one of the side hit.
    let text = "According to the Border Service of the State Committee for National Security, Tajik troops opened fire on the Kyrgyz outpost near Kok-Tash on Friday.";
    let ev = assemble(text, Some("2024-05-04"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].claimant.as_deref(),
        Some("Border Service of the State Committee for National Security of Kyrgyzstan")
    );
}

#[test]
fn a_toll_at_a_place_just_reported_hit_joins_its_event() {
    let text = "Russian troops shelled Beryslav, Kozatske and Antonivka on Tuesday. Two women were injured in Antonivka.";
    let ev = assemble(text, Some("2024-05-15"));
    assert_eq!(ev.len(), 3, "one event per place: {ev:#?}");
    assert_eq!(at(&ev, "Antonivka").injuries, 2);
    assert_eq!(at(&ev, "Beryslav").injuries, 0);
}

#[test]
fn the_side_that_detains_shoots_down_or_takes_ground_is_actor1() {
    let text = "Russian air defence systems shot down 14 Ukrainian drones over the Belgorod region overnight on Sunday.";
    let ev = assemble(text, Some("2024-05-20"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Russia"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Ukraine"));
    let text = "The State Border Service said it had detained an Armenian serviceman in the Lachin district on Wednesday.";
    let ev = assemble(text, Some("2024-05-16"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Arrests);
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Armenia"));
    assert_eq!(
        ev[0].claimant.as_deref(),
        Some("State Border Service of Azerbaijan")
    );
    let text = "The Sudanese army recaptured Singa from the Rapid Support Forces on Saturday.";
    let ev = assemble(text, Some("2024-05-19"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].sub_event_type,
        SubEventType::GovernmentRegainsTerritory
    );
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Sudan"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Rapid Support Forces"));
    let text = "The Rapid Support Forces seized the town of Singa on Saturday.";
    let ev = assemble(text, Some("2024-05-19"));
    assert_eq!(
        ev[0].sub_event_type,
        SubEventType::NonStateActorOvertakesTerritory
    );
}

#[test]
fn troops_that_open_fire_are_not_victims_and_a_group_s_sites_are_the_group() {
    let text = "Tajik military personnel opened fire on a Kyrgyz border outpost near Kok-Tash on Wednesday.";
    let ev = assemble(text, Some("2024-05-16"));
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Tajikistan")
    );
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Military Forces of Kyrgyzstan")
    );
    let text = "IDF fighter jets struck Hezbollah infrastructure in Aitaroun on Tuesday.";
    let ev = assemble(text, Some("2024-05-15"));
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Israel"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Hezbollah"));
    let text = "Hezbollah said its fighters targeted an Israeli army position in Metula with guided missiles on Thursday.";
    let ev = assemble(text, Some("2024-05-17"));
    assert_eq!(ev[0].actor1.as_deref(), Some("Hezbollah"));
    assert_eq!(ev[0].claimant.as_deref(), Some("Hezbollah"));
}

#[test]
fn explosions_recorded_repelled_crossings_and_parts_of_towns() {
    let text = "Russian forces shelled the border areas of the Sumy region on Saturday, the Sumy Regional Military Administration said. Explosions were recorded in the Krasnopillia and Khotin communities.";
    let ev = assemble(text, Some("2024-06-02"));
    for place in ["Krasnopillya", "Khotin"] {
        let e = at(&ev, place);
        assert_eq!(e.sub_event_type, SubEventType::Shelling);
        assert_eq!(
            e.claimant.as_deref(),
            Some("Sumy Regional Military Administration")
        );
    }
    // An unknown village lies in the region the sentence names; the region is no
    // event of its own.
    let text = "Russian saboteurs attempted to cross into the Sumy region near the village of Zarichne-Bilske on Monday and were repelled by fire, the State Border Guard Service of Ukraine said.";
    let ev = assemble(text, Some("2024-05-21"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::ArmedClash);
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!(loc.name, "Zarichne-Bilske");
    assert_eq!(loc.admin1.as_deref(), Some("Sumy Oblast"));
    // "Kharkiv's Kyivskyi district" is in Kharkiv.
    let text = "A Russian drone hit an apartment building in Kharkiv's Kyivskyi district late on Tuesday, killing two people.";
    let ev = assemble(text, Some("2024-05-15"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Kharkiv");
    assert_eq!(ev[0].fatalities, 2);
}

#[test]
fn days_are_not_victims_and_demonyms_are_not_places() {
    let text = "On September 13, two Armenian soldiers were killed when Azerbaijani forces shelled Jermuk.";
    let ev = assemble(text, Some("2024-09-14"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].fatalities, 2);
    let text = "Kyrgyz forces fired mortars at the Tajik village of Vorukh on Sunday.";
    let ev = assemble(text, Some("2024-05-20"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Vorukh");
    let text = "Tajik forces opened fire on the Kyrgyz border outpost Bulak-Bashy on Sunday.";
    let ev = assemble(text, Some("2024-05-20"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Bulak-Bashy");
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Tajikistan")
    );
    let text = "Pakistani Rangers shelled forward posts in the Arnia sector on Sunday.";
    let ev = assemble(text, Some("2024-05-20"));
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Pakistan"));
}

#[test]
fn big_towns_over_same_named_villages_and_rivers() {
    let text =
        "Russian missiles struck Zaporizhzhia and Dnipro on Sunday, killing three civilians.";
    let ev = assemble(text, Some("2024-05-20"));
    let z = at(&ev, "Zaporizhzhia").location.as_ref().unwrap();
    assert!(
        (z.lat.unwrap() - 47.85).abs() < 0.1,
        "the city, not the village: {z:?}"
    );
    let d = at(&ev, "Dnipro").location.as_ref().unwrap();
    assert!(
        (d.lat.unwrap() - 48.47).abs() < 0.1,
        "the city, not the river: {d:?}"
    );
}

#[test]
fn a_revised_toll_is_the_event_s_figure() {
    let text = "Russian missiles struck a hardware store in Kharkiv on Saturday, killing at least 12 people. By Sunday morning the death toll had risen to 16, officials said.";
    let ev = assemble(text, Some("2024-05-27"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].fatalities, 16);
}

#[test]
fn a_foreign_namesake_far_from_the_report_is_not_the_place() {
    let text = "The RSF shelled El Fasher on Friday. On Saturday the RSF shelled the town of Tora in North Darfur.";
    let ev = assemble(text, Some("2024-06-02"));
    let tora = at(&ev, "Tora").location.as_ref().unwrap();
    assert_eq!(tora.country.as_deref(), Some("SD"), "{tora:?}");
}

#[test]
fn an_unnamed_regional_administration_is_the_place_s() {
    let text = "Russia's Defence Ministry said its forces had destroyed a Ukrainian drone. Meanwhile, Russian artillery shelled Komyshany on Sunday, the regional administration said.";
    let ev = assemble(text, Some("2024-05-27"));
    let e = at(&ev, "Komyshany");
    assert_eq!(
        e.claimant.as_deref(),
        Some("Kherson Regional Military Administration")
    );
}

#[test]
fn a_place_named_as_the_one_hit_and_strikes_without_an_article() {
    let text = "Velyka Pysarivka was hit by two guided aerial bombs on Saturday, the Sumy Regional Military Administration said.";
    let ev = assemble(text, Some("2024-06-02"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::AirDroneStrike);
    let text = "Israeli strikes hit Beirut's southern suburbs on Saturday, killing two people.";
    let ev = assemble(text, Some("2024-06-02"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Israel"));
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Beirut");
}

#[test]
fn a_wire_dateline_is_no_event_date_and_a_when_clause_has_its_own_subject() {
    let text = "SRINAGAR, Oct 21 (PTI) - Two soldiers were killed when Pakistani troops shelled forward posts in Keran on Tuesday, officials said.";
    let ev = assemble(text, Some("2020-10-22"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].date.unwrap().to_string(), "2020-10-20");
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Pakistan"));
    assert_eq!(ev[0].fatalities, 2);
    // Two places in the dateline.
    let text = "Rajouri/Jammu, Oct 21 (PTI) Two soldiers were killed when Pakistani troops shelled forward posts in the Nowshera sector late on Tuesday, officials said.";
    let ev = assemble(text, Some("2020-10-21"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].date.unwrap().to_string(), "2020-10-20");
}

#[test]
fn aircraft_strikes_seized_headquarters_and_ages() {
    let text = "Israeli fighter jets struck rocket launchers in Aitaroun on Saturday.";
    let ev = assemble(text, Some("2024-06-02"));
    assert_eq!(ev[0].sub_event_type, SubEventType::AirDroneStrike);
    let text = "The RSF said it had taken control of the army's headquarters in Nyala on Saturday.";
    let ev = assemble(text, Some("2024-06-02"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].sub_event_type,
        SubEventType::NonStateActorOvertakesTerritory
    );
    assert_eq!(ev[0].claimant.as_deref(), Some("Rapid Support Forces"));
    let text = "The driver, Elvin Mammadov, 34, and two others were wounded when Armenian forces shelled Kalbajar on Saturday.";
    let ev = assemble(text, Some("2024-06-02"));
    assert!(ev[0].injuries < 34, "an age is no count: {ev:#?}");
}

#[test]
fn shelling_a_civil_authority_reports_hits_civilians() {
    let text = "Russian artillery shelled Bilozerka on Sunday, the Kherson Regional Military Administration said.";
    let ev = assemble(text, Some("2024-05-27"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (UA)"));
    // A military target keeps the forces as the side hit.
    let text = "Russian artillery shelled Ukrainian positions near Bilozerka on Sunday, the Kherson Regional Military Administration said.";
    let ev = assemble(text, Some("2024-05-27"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Ukraine"));
}

#[test]
fn what_was_stopped_decides_disrupted_weapons_use() {
    let text = "Indian troops foiled an infiltration bid in the Keran sector on Sunday, killing three militants.";
    let ev = assemble(text, Some("2024-05-20"));
    assert_eq!(ev[0].sub_event_type, SubEventType::ArmedClash);
    let text = "Azerbaijani units suppressed an Armenian quadcopter over positions near Kokhanebi on Sunday.";
    let ev = assemble(text, Some("2024-05-20"));
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
}

#[test]
fn rivers_and_opening_adjectives_are_not_event_places() {
    let text =
        "Russian forces shelled Ukrainian positions on the Dnipro River near Krynky on Monday.";
    let ev = assemble(text, Some("2023-11-21"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Krynky");
    let text = "Residential areas of Beryslav came under Russian artillery fire on Thursday, the regional administration said.";
    let ev = assemble(text, Some("2024-03-08"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Beryslav");
}

#[test]
fn a_reporting_verb_later_in_the_sentence_does_not_make_a_place_a_speaker_s_seat() {
    let text =
        "The RSF took control of the army headquarters in Nyala on Saturday, the group said.";
    let ev = assemble(text, Some("2024-06-02"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Nyala");
}

#[test]
fn a_sudan_report_keeps_its_places_in_sudan_and_its_monitors_as_sources() {
    // "Karari" is also a town in India, "Al-Thawra" another name of a Syrian city: a
    // report that names only Sudan means neither.
    let text = "Paramilitary Rapid Support Forces shelled the Al-Thawra neighbourhood of Omdurman on Friday, killing seven civilians, the Omdurman Emergency Response Room said.\n\nOn Saturday the Sudanese army said its forces had repelled an RSF attack in the Karari area.";
    let ev = assemble(text, Some("2024-03-10"));
    let thawra = at(&ev, "Al-Thawra");
    let loc = thawra.location.as_ref().unwrap();
    assert_eq!(loc.country.as_deref(), Some("SD"), "{thawra:#?}");
    assert_eq!(thawra.actor1.as_deref(), Some("Rapid Support Forces"));
    assert_eq!(thawra.actor2.as_deref(), Some("Civilians (SD)"));
    assert_eq!(thawra.fatalities, 7);
    assert_eq!(
        thawra.claimant.as_deref(),
        Some("Omdurman Emergency Response Room")
    );
    // A neighbourhood of a town is placed in that town, not as an event of its own.
    assert_eq!(loc.admin1.as_deref(), Some("Khartoum"));
    assert!(!ev
        .iter()
        .any(|e| e.location.as_ref().unwrap().name == "Omdurman"));
    let karari = at(&ev, "Karari");
    assert_eq!(karari.sub_event_type, SubEventType::ArmedClash);
    for e in &ev {
        let loc = e.location.as_ref().unwrap();
        assert_ne!(loc.country.as_deref(), Some("IN"), "{e:#?}");
        assert_ne!(loc.country.as_deref(), Some("SY"), "{e:#?}");
    }
}

#[test]
fn small_towns_hit_are_found_and_the_region_named_picks_the_namesake() {
    // Towns under 15,000 people are not scanned for, but the object of "shelled" is
    // looked up.
    let ev = assemble(
        "On Tuesday, Russian forces shelled Orikhiv, wounding two civilians.",
        Some("2024-10-30"),
    );
    let e = at(&ev, "Orikhiv");
    assert_eq!(
        e.location.as_ref().unwrap().admin1.as_deref(),
        Some("Zaporizhzhia Oblast")
    );
    assert_eq!(e.injuries, 2);
    // A curated Prymorske lies in Kherson Oblast; the region named rules it out.
    let ev = assemble(
        "Russian forces shelled Prymorske in Zaporizhzhia district on Sunday, the regional governor said.",
        Some("2024-05-13"),
    );
    let e = at(&ev, "Prymorske");
    assert_eq!(
        e.location.as_ref().unwrap().admin1.as_deref(),
        Some("Zaporizhzhia Oblast"),
        "{e:#?}"
    );
}

#[test]
fn where_the_acting_units_stand_and_who_stopped_whose_weapon() {
    // Units "positioned near" a place fire from it: the place is the origin.
    let ev = assemble(
        "On 23 May, Armenian units positioned near the Chinari settlement of the Tovuzgala region opened fire on Azerbaijani positions near Alibayli village of Tovuz district.",
        Some("2024-05-24"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Alibayli");
    assert_eq!(
        ev[0].origin.as_ref().map(|o| o.name.as_str()),
        Some("Chinari")
    );
    // The positions fired on, "located near" a place, are the target.
    let ev = assemble(
        "On 4 June, Armenian units fired on the positions of the Azerbaijan Army located near the Kheyrimli village of the Gazakh district.",
        Some("2024-06-05"),
    );
    assert_eq!(at(&ev, "Kheyrimli").origin, None);
    // A drone "was neutralised by" the other side's air defence: that side acts.
    let ev = assemble(
        "On 23 May, an Armenian reconnaissance drone over our positions in the Gadabay direction was neutralised by air defence units of the Azerbaijan Army.",
        Some("2024-05-24"),
    );
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Armenia"));
    // A day between the troops and their act; a spying quadcopter names its side.
    let ev = assemble(
        "Pakistani troops on Tuesday shot down an Indian spying quadcopter in the Leepa sector, the ISPR said.",
        Some("2024-05-22"),
    );
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Pakistan"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of India"));
    // "the army" of a report on the army and the RSF is Sudan's.
    let ev = assemble(
        "The RSF said it had shelled Babanusa on Friday.\nArmy aircraft bombed RSF positions around Kutum on Saturday, the army said.",
        Some("2024-05-22"),
    );
    let kutum = at(&ev, "Kutum");
    assert_eq!(kutum.actor1.as_deref(), Some("Military Forces of Sudan"));
    assert_eq!(kutum.actor2.as_deref(), Some("Rapid Support Forces"));
}

#[test]
fn acts_told_by_their_result_and_forces_a_source_calls_its_own() {
    // "wounded two men": an act with its toll; men are civilians.
    let ev = assemble(
        "In Kupiansk, Russian artillery wounded two men on Wednesday morning.",
        Some("2024-05-23"),
    );
    let e = at(&ev, "Kupiansk");
    assert_eq!(e.injuries, 2);
    assert_eq!(e.actor2.as_deref(), Some("Civilians (UA)"));
    // "repelled five assaults" is fighting, however many.
    let ev = assemble(
        "Ukrainian forces repelled five Russian assaults near Kupiansk on Saturday.",
        Some("2024-05-23"),
    );
    assert_eq!(at(&ev, "Kupiansk").sub_event_type, SubEventType::ArmedClash);
    // "its air defences destroyed six Ukrainian drones over": the speaker stopped
    // the other side's drones.
    let ev = assemble(
        "Russia's Defence Ministry said that on Friday its air defences had destroyed six Ukrainian drones over the Belgorod region.",
        Some("2024-05-23"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Russia"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Ukraine"));
    // "in the community of X" names the place, not a higher level of an address.
    let ev = assemble(
        "On Monday, Hezbollah fired an anti-tank missile at an IDF post in the community of Shtula.",
        Some("2024-01-09"),
    );
    assert_eq!(at(&ev, "Shtula").actor1.as_deref(), Some("Hezbollah"));
    // "army posts near Metula" are the army of the place hit.
    let ev = assemble(
        "Hezbollah fighters opened fire on army posts near Metula on Wednesday.",
        Some("2024-01-11"),
    );
    assert_eq!(
        at(&ev, "Metula").actor2.as_deref(),
        Some("Military Forces of Israel")
    );
}

#[test]
fn prisoner_exchanges_are_agreements_and_revised_counts_update_both_figures() {
    let ev = assemble(
        "Armenia and Azerbaijan on Friday exchanged two detained servicemen each at the border near the village of Voskepar.",
        Some("2024-01-20"),
    );
    assert_eq!(at(&ev, "Voskepar").sub_event_type, SubEventType::Agreement);
    let ev = assemble(
        "Russian forces struck Zaporizhzhia with missiles late on Tuesday night, killing one person and injuring eight. By Wednesday morning, the number of dead had risen to two and the number of injured to eleven.",
        Some("2024-10-30"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!((ev[0].fatalities, ev[0].injuries), (2, 11));
}

#[test]
fn a_wire_dateline_s_day_anchors_the_story_s_relative_dates() {
    // Filed on the 12th, published on the 13th: "this evening" is the 12th.
    let ev = assemble(
        "POONCH, Mar 12: Three civilians were injured when Pakistani troops shelled Shahpur village this evening, a police officer said.",
        Some("2019-03-13"),
    );
    assert_eq!(ev[0].date.unwrap().to_string(), "2019-03-12");
    assert_eq!(ev[0].injuries, 3);
    // An agency tag without a dash; a line of control or border is no place, the
    // sector named with it is.
    let ev = assemble(
        "JAMMU, Oct 10 (PTI) Pakistan Rangers fired on BSF posts along the International Border in Samba sector late on Tuesday night, injuring a head constable.",
        Some("2018-10-11"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].date.unwrap().to_string(), "2018-10-09");
    assert_eq!(ev[0].injuries, 1);
    assert!(ev[0].location.as_ref().unwrap().name.starts_with("Samba"));
}

#[test]
fn tolls_counted_since_a_date_are_aggregates_not_events() {
    for text in [
        "More than 1,500 civilians have been killed in El Fasher since the RSF tightened its siege in May 2024, according to the United Nations.",
        "Since January, 38 people have been killed in ceasefire violations along the LoC in Poonch district.",
    ] {
        let ev = assemble(text, Some("2025-06-14"));
        assert!(ev.is_empty(), "{text}: {ev:#?}");
    }
}

#[test]
fn one_event_for_a_place_hit_told_twice_and_none_for_a_hospital_s_seat() {
    let ev = assemble(
        "Residential quarters of Stanislav and Darivka came under fire from Russian troops on Monday. In Darivka, a 71-year-old man was killed when a shell hit his yard.",
        Some("2023-08-22"),
    );
    let darivka: Vec<_> = ev
        .iter()
        .filter(|e| e.location.as_ref().unwrap().name == "Darivka")
        .collect();
    assert_eq!(darivka.len(), 1, "{ev:#?}");
    assert_eq!(darivka[0].fatalities, 1);
    assert_eq!(darivka[0].sub_event_type, SubEventType::Shelling);
    // Where the hospital that reports the wounded stands is no event place.
    let ev = assemble(
        "Three soldiers were wounded by a Hezbollah drone at Zar'it on Wednesday, the Galilee Medical Center in Nahariya said.",
        Some("2024-03-16"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Zar'it");
}

#[test]
fn a_day_named_right_after_a_place_is_that_place_s() {
    let ev = assemble(
        "Hezbollah launched drones at Shomera on Saturday in retaliation for the killing of one of its commanders in an Israeli strike in Majdal Selm on Friday.",
        Some("2024-07-14"),
    );
    assert_eq!(at(&ev, "Shomera").date.unwrap().to_string(), "2024-07-13");
    let m = at(&ev, "Majdal Selm");
    assert_eq!(m.date.unwrap().to_string(), "2024-07-12");
    assert_eq!(m.actor1.as_deref(), Some("Military Forces of Israel"));
}

#[test]
fn ages_are_not_tolls_and_houses_blown_up_are_property_destruction() {
    let ev = assemble(
        "Sepoy Imran Ali, aged 24, was martyred in the Chakothi sector on Tuesday when Indian troops opened fire, the ISPR said.",
        Some("2020-10-21"),
    );
    assert_eq!(ev[0].fatalities, 1, "{ev:#?}");
    let ev = assemble(
        "Israeli troops blew up several houses in the village of Blida on Sunday.",
        Some("2024-12-16"),
    );
    assert_eq!(
        at(&ev, "Blida").sub_event_type,
        SubEventType::LootingPropertyDestruction
    );
}

#[test]
fn storming_bringing_down_regaining_and_aerial_bombs() {
    let ev = assemble(
        "On Friday the Sudanese army regained control of the town of Um Ruwaba from the Rapid Support Forces.",
        Some("2024-05-14"),
    );
    assert_eq!(
        ev[0].sub_event_type,
        SubEventType::GovernmentRegainsTerritory
    );
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Sudan"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Rapid Support Forces"));
    let ev = assemble(
        "RSF fighters stormed a village near Rufaa on Tuesday, killing 12 civilians.",
        Some("2024-05-15"),
    );
    assert_eq!(ev[0].fatalities, 12, "{ev:#?}");
    let ev = assemble(
        "Azerbaijani air defence units brought down an Armenian quadcopter over the Lachin district on Monday.",
        Some("2024-05-14"),
    );
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    let ev = assemble(
        "A Russian aerial bomb hit a residential building in Kupiansk on Monday, wounding three people.",
        Some("2024-05-14"),
    );
    assert_eq!(ev[0].sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Russia"));
}

#[test]
fn a_group_claiming_the_attack_just_told_is_its_author() {
    let ev = assemble(
        "An anti-tank guided missile fired from Lebanon struck an army post near Dovev on Tuesday afternoon, lightly wounding two soldiers, the Israel Defense Forces said. Hezbollah claimed responsibility for the attack.",
        Some("2024-03-06"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1.as_deref(), Some("Hezbollah"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Israel"));
    assert_eq!(ev[0].injuries, 2);
}

#[test]
fn offices_units_and_homes_named_in_a_sentence_are_not_event_places() {
    // A region set off by commas is the town's region, not a second event.
    let ev = assemble(
        "In Kostiantynivka, Donetsk region, two guided aerial bombs wounded four people on Monday afternoon.",
        Some("2024-11-05"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!(loc.admin1.as_deref(), Some("Donetsk Oblast"), "{loc:?}");
    assert_eq!(ev[0].injuries, 4);
    // The office that speaks sits in a city where nothing happened.
    let ev = assemble(
        "Russian artillery shelled Marhanets on Tuesday, wounding two men, Serhiy Lysak, the head of the Dnipropetrovsk regional military administration, said.",
        Some("2024-05-29"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Marhanets");
    assert_eq!(
        ev[0].claimant.as_deref(),
        Some("Dnipropetrovsk Regional Military Administration")
    );
    // A detachment named after its base town, and a soldier's home district.
    let ev = assemble(
        "On June 13, Tajik military personnel opened fire on the Kayragach border outpost of the Batken border detachment.",
        Some("2022-06-14"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Military Forces of Kyrgyzstan")
    );
    let ev = assemble(
        "In the Chakothi sector, Sepoy Ali Raza, a resident of Bagh district, was martyred on Tuesday while responding to Indian fire, the ISPR said.",
        Some("2020-10-21"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Chakothi");
}

#[test]
fn a_source_that_only_denies_does_not_state_the_event() {
    let ev = assemble(
        "A resident of Koti was wounded by a sniper bullet late on Tuesday night, the Tavush provincial administration said. Azerbaijan's Defence Ministry dismissed the report as disinformation.",
        Some("2021-06-03"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].claimant.as_deref(),
        Some("Tavush Province administration")
    );
    let ev = assemble(
        "A resident of Koti was wounded by a sniper bullet late on Tuesday night. Azerbaijan's Defence Ministry dismissed the report as disinformation.",
        Some("2021-06-03"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].claimant, None);
    assert!(ev[0]
        .claims
        .iter()
        .any(|c| c.claimant.as_deref() == Some("Ministry of Defence of Azerbaijan")));
    let ev = assemble(
        "Ukrainian forces shelled the village of Tetkino on Tuesday, wounding a woman, the governor of the Kursk region said.",
        Some("2024-04-03"),
    );
    // The governor of the region the gazetteer names ("Kursk Oblast"), as when no
    // name is given.
    assert_eq!(
        ev[0].claimant.as_deref(),
        Some("Governor of Kursk Oblast"),
        "{ev:#?}"
    );
    let ev = assemble(
        "A Ukrainian drone hit a car in Krasnaya Yaruga on Tuesday, wounding two people, Belgorod governor Vyacheslav Gladkov said.",
        Some("2024-10-02"),
    );
    assert_eq!(
        ev[0].claimant.as_deref(),
        Some("Governor of Belgorod Oblast")
    );
}

#[test]
fn the_side_that_stops_a_drone_acts_and_fire_across_the_line_hits_the_place_s_forces() {
    let ev = assemble(
        "On 16 November, a quadcopter of the Armenian armed forces flying over our positions near the Kokhanebi village of the Tovuz district was intercepted by our electronic warfare means.",
        Some("2021-11-17"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Armenia"));
    let ev = assemble(
        "On November 21, at around 17:20, an Azerbaijani UAV that had entered Armenian airspace over Jermuk was shot down by air defence units, the Ministry of Defence of Armenia said.",
        Some("2022-11-22"),
    );
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Armenia"),
        "{ev:#?}"
    );
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    let ev = assemble(
        "The Azerbaijani Ministry of Defence said that Armenian units had fired at its positions near the Alibayli village of the Tovuz district on Tuesday night.",
        Some("2021-07-14"),
    );
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Armenia"));
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Military Forces of Azerbaijan"),
        "{ev:#?}"
    );
}

#[test]
fn small_towns_after_in_and_people_counted_by_role() {
    let ev = assemble(
        "A Russian drone hit a car in Chuhuiv on Sunday afternoon, killing the driver.",
        Some("2024-09-23"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].location.as_ref().unwrap().admin1.as_deref(),
        Some("Kharkiv Oblast")
    );
    assert_eq!(ev[0].fatalities, 1);
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (UA)"));
    let ev = assemble(
        "A reservist was killed and two other soldiers were lightly wounded on Tuesday afternoon when a Hezbollah drone struck an army post near Yiftah.",
        Some("2024-06-26"),
    );
    assert_eq!((ev[0].fatalities, ev[0].injuries), (1, 2), "{ev:#?}");
    let ev = assemble(
        "Rockets fired by Hezbollah hit Kiryat Shmona on Tuesday evening; two men, aged 60 and 34, were lightly wounded by shrapnel.",
        Some("2024-10-02"),
    );
    assert_eq!(ev[0].injuries, 2, "{ev:#?}");
    let ev = assemble(
        "On the night of 28 to 29 September, an Azerbaijani soldier was fatally wounded by an Armenian sniper in the Kalbajar direction.",
        Some("2022-09-30"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].fatalities, 1);
}

#[test]
fn claimed_barrages_owned_targets_datelines_and_reference_points() {
    let ev = assemble(
        "About 20 rockets were fired from Lebanon toward the Upper Galilee on Tuesday evening, the IDF said. Hezbollah claimed the barrage.",
        Some("2024-10-02"),
    );
    assert_eq!(ev[0].actor1.as_deref(), Some("Hezbollah"), "{ev:#?}");
    let ev = assemble(
        "In response, Israeli fighter jets struck a building used by Hezbollah in Beit Lif on Tuesday, the IDF said.",
        Some("2024-06-26"),
    );
    assert_eq!(ev[0].actor2.as_deref(), Some("Hezbollah"), "{ev:#?}");
    // A title-case wire dateline fixes the day "Wednesday" counts from.
    let ev = assemble(
        "Jammu, July 23 (PTI) Pakistani troops violated the ceasefire in Nowshera sector of Rajouri district on Wednesday evening, a defence spokesman said.",
        Some("2020-07-24"),
    );
    assert_eq!(ev[0].date.unwrap().to_string(), "2020-07-22", "{ev:#?}");
    // The only place named is a reference point: the event is near it.
    let ev = assemble(
        "Rapid Support Forces fighters raided villages east of Al Managil in Gezira state on Sunday and abducted at least 15 men, the Gezira Conference, a civil society group, said on Tuesday.",
        Some("2024-12-17"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Abduction);
    assert_eq!(ev[0].location.as_ref().unwrap().geo_precision, 2);
    assert_eq!(ev[0].claimant.as_deref(), Some("Gezira Conference"));
    // A Ukrainian source's town is Ukraine's, not its Siberian namesake.
    let ev = assemble(
        "On Saturday, Russian drones attacked Pokrovsk, the Ukrainian Air Force said.",
        Some("2024-08-11"),
    );
    assert_eq!(
        ev[0].location.as_ref().unwrap().country.as_deref(),
        Some("UA"),
        "{ev:#?}"
    );
    assert_eq!(ev[0].claimant.as_deref(), Some("Air Force of Ukraine"));
}

#[test]
fn a_region_after_in_and_a_denial_of_the_event_just_told() {
    let ev = assemble(
        "Yerevan accused Azerbaijani forces of firing mortars at the village of Khoznavar in Syunik on Thursday evening, the Armenian Defence Ministry said.",
        Some("2022-09-30"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Khoznavar");
    let ev = assemble(
        "An air strike by the Sudanese army on a crowded market in Mellit, North Darfur, on Monday killed eight civilians and wounded 14, the Sudan Doctors Network said. The army denied targeting civilians in Mellit, saying it had struck RSF weapons depots.",
        Some("2025-03-05"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!((ev[0].fatalities, ev[0].injuries), (8, 14));
    assert!(ev[0]
        .claims
        .iter()
        .any(|c| c.stance == sitrep_core::Stance::Denies));
}

#[test]
fn unnamed_spokesmen_split_fire_phrases_and_towns_by_size() {
    let ev = assemble(
        "Pakistani troops opened fire on Indian posts in Nowshera sector on Wednesday evening, a defence spokesman said.",
        Some("2020-07-23"),
    );
    assert_eq!(ev[0].claimant.as_deref(), Some("Indian Army"), "{ev:#?}");
    let ev = assemble(
        "On 16 November, units of the Armed Forces of Armenia subjected the positions of the Azerbaijan Army near the Kosalar village of the Gazakh district to fire from large-calibre machine guns.",
        Some("2021-11-17"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::ArmedClash);
    // The town of 26,000, not the village of 500 that GeoNames spells the same way.
    let ev = assemble(
        "On Sunday evening, Russian troops struck Balakliia with a guided aerial bomb, killing two people.",
        Some("2024-09-23"),
    );
    assert_eq!(
        ev[0].location.as_ref().unwrap().admin1.as_deref(),
        Some("Kharkiv Oblast"),
        "{ev:#?}"
    );
    // Only Ukraine has regional military administrations.
    let ev = assemble(
        "Pokrovsk came under fire from mortars shortly after midnight, the regional military administration said.",
        Some("2024-09-10"),
    );
    assert_eq!(
        ev[0].location.as_ref().unwrap().country.as_deref(),
        Some("UA"),
        "{ev:#?}"
    );
}

#[test]
fn a_country_fire_came_from_is_no_actor() {
    // "launched from Lebanon" names where the drone came from; the group the report
    // names acted, else an unnamed group of that country.
    let text = "A reservist was killed and two other soldiers were lightly wounded on Tuesday afternoon when an explosive-laden drone launched from Lebanon struck an army post near Yiftah, the military said on Wednesday.";
    let ev = assemble(text, Some("2024-06-26"));
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Unidentified Armed Group (LB)"),
        "{ev:#?}"
    );
    let ev = assemble(
        &format!("Hezbollah drone hits army post near Yiftah\n\n{text}"),
        Some("2024-06-26"),
    );
    assert_eq!(ev[0].actor1.as_deref(), Some("Hezbollah"), "{ev:#?}");
}

#[test]
fn background_told_by_month_and_region_is_history_and_days_inside_months_count() {
    let text = "Kyrgyz border guards came under fire near Ak-Sai on Tuesday evening, the Border Service said. During the fighting in September 2022, around 100 people were killed in the Batken region.";
    let ev = assemble(text, Some("2024-05-15"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    // "Earlier this month, on April 2": the day, not the month.
    let text = "A serviceman was wounded by a mine near Sugovushan on Sunday, the ministry said. Earlier this month, on April 2, a soldier was wounded when he stepped on a mine in the Khojavend district.";
    let ev = assemble(text, Some("2024-04-15"));
    let e = at(&ev, "Khojavend District");
    assert_eq!(e.date.unwrap().to_string(), "2024-04-02", "{ev:#?}");
    assert_eq!(e.date_precision, Some(sitrep_core::DatePrecision::Day));
}

#[test]
fn hospitals_heads_of_offices_retaliation_clauses_and_speakers_seats() {
    // Where the wounded man died is no event place.
    let ev = assemble(
        "On Tuesday an Israeli drone struck a motorcycle near Kfar Shouba, wounding a man who died a few hours later in a Marjayoun hospital.",
        Some("2024-01-10"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let ev = assemble(
        "A porter was injured by Pakistani shelling in the Uri sector on Monday and was later taken to a hospital in Srinagar.",
        Some("2021-02-17"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    // The regions whose heads negotiated are no places of the ceasefire.
    let ev = assemble(
        "Tajik servicemen opened fire on a Kyrgyz border detail near Kyzyl-Bel on Tuesday. After negotiations between the heads of the border services of the Batken and Sughd regions, the sides agreed to cease fire at 21:00.",
        Some("2022-06-15"),
    );
    assert!(!ev.is_empty(), "the clash near Kyzyl-Bel");
    assert!(
        ev.iter()
            .all(|e| e.location.as_ref().unwrap().geo_precision < 3),
        "{ev:#?}"
    );
    // "in response to the attack on Tebnine": the event told before, not a new one.
    let ev = assemble(
        "An Israeli airstrike targeted a house in Tebnine, in the Bint Jbeil caza, on Tuesday afternoon, wounding four people. In the evening, Hezbollah said it had fired rockets at Manara in response to the attack on Tebnine.",
        Some("2024-07-17"),
    );
    assert_eq!(ev.len(), 2, "{ev:#?}");
    assert_eq!(
        at(&ev, "Tebnine").actor1.as_deref(),
        Some("Military Forces of Israel")
    );
    // "In Rawalpindi, the ISPR said": where the source spoke.
    let ev = assemble(
        "In Rawalpindi, the ISPR said Indian troops had shelled villages in the Samahni sector on Tuesday, wounding two civilians.",
        Some("2020-10-15"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Samahni");
    let ev = assemble(
        "In Rawalpindi, the Inter-Services Public Relations (ISPR) said that Indian troops had shelled the Samahni sector on Tuesday.",
        Some("2020-10-15"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Samahni");
}

#[test]
fn a_later_toll_update_revises_the_event_and_keeps_the_injured() {
    let ev = assemble(
        "At least 20 people were killed when an army warplane bombed the weekly market in Kabkabiya in North Darfur on Monday, local doctors said. On Tuesday, the Sudan Doctors Network said the number of dead had risen to 34, including eight children, and that more than 50 people had been injured.",
        Some("2025-03-19"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!((ev[0].fatalities, ev[0].injuries), (34, 50));
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Sudan"));
}

#[test]
fn a_toll_of_that_earlier_fighting_is_history() {
    let ev = assemble(
        "On Wednesday an Armenian soldier was killed by Azerbaijani fire near Sotk, the ministry said. The incident was the deadliest since the September 2022 escalation. In that fighting, more than 200 Armenian servicemen were killed.",
        Some("2023-06-01"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].fatalities, 1);
}

#[test]
fn air_defences_of_the_side_that_speaks_stop_the_other_side_s_drones() {
    let ev = assemble(
        "Overnight, duty air defence systems destroyed eight Ukrainian unmanned aerial vehicles over the territory of the Bryansk region, the Russian Defence Ministry said.",
        Some("2024-08-14"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Russia"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Ukraine"));
    assert_eq!(ev[0].weapons, vec!["drone".to_string()]);
    let ev = assemble(
        "The Russian Defence Ministry said that air defences had shot down five missiles and 30 drones over the Bryansk region on Tuesday.",
        Some("2025-01-15"),
    );
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Russia"),
        "{ev:#?}"
    );
}

#[test]
fn clefts_the_defence_army_passive_detentions_and_targets_crossing_from_a_country() {
    let ev = assemble(
        "The ministry said that it was illegal Armenian armed detachments that fired on Azerbaijani positions near Shusha on Monday.",
        Some("2023-02-07"),
    );
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Nagorno-Karabakh Armenian forces"),
        "{ev:#?}"
    );
    let ev = assemble(
        "Azerbaijani drones struck the positions of the Defence Army near Parukh on Friday, wounding 15 servicemen.",
        Some("2022-03-26"),
    );
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Nagorno-Karabakh Armenian forces"),
        "{ev:#?}"
    );
    let ev = assemble(
        "Two residents of Chartar who were working in their fields were detained by Azerbaijani servicemen near the village on Monday.",
        Some("2023-02-07"),
    );
    assert_eq!(ev[0].sub_event_type, SubEventType::Arrests);
    assert!(
        ev[0]
            .actor2
            .as_deref()
            .is_some_and(|a| a.starts_with("Civilians")),
        "{ev:#?}"
    );
    let ev = assemble(
        "An aerial target that crossed from Lebanon was intercepted over Dishon on Tuesday, the IDF said.",
        Some("2024-07-17"),
    );
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Israel"),
        "{ev:#?}"
    );
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Unidentified Armed Group (LB)")
    );
}

#[test]
fn a_dateline_ending_in_the_agency_s_name_is_no_event_date() {
    let text = "Baku, December 2, Trend. Armenian units fired at Azerbaijani positions near Kamarli on December 1, the ministry told Trend on Thursday.\n\nLater that day, at around 20:30, Armenian units also fired at our positions near Alibayli.";
    let ev = assemble(text, Some("2022-12-03"));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    for e in &ev {
        assert_eq!(e.date.unwrap().to_string(), "2022-12-01", "{ev:#?}");
    }
}

#[test]
fn combat_posts_and_heights_taken_are_ground_regained() {
    let ev = assemble(
        "According to the ministry, units of the Azerbaijan Army took control of more than 60 combat posts of the illegal Armenian armed formations in the Aghdara and Khojavend directions on Tuesday.",
        Some("2023-09-20"),
    );
    assert_eq!(ev.len(), 2, "{ev:#?}");
    for e in &ev {
        assert_eq!(e.sub_event_type, SubEventType::GovernmentRegainsTerritory);
        assert_eq!(
            e.actor2.as_deref(),
            Some("Nagorno-Karabakh Armenian forces")
        );
    }
    let ev = assemble(
        "On March 24, units of the Azerbaijani armed forces crossed the line of contact and took positions on the heights near the village of Parukh in the Askeran region, the Artsakh Defence Army said.",
        Some("2022-03-26"),
    );
    assert_eq!(
        ev[0].sub_event_type,
        SubEventType::GovernmentRegainsTerritory,
        "{ev:#?}"
    );
    // "Russian-occupied" is no taking of ground.
    let ev = assemble(
        "Ukrainian shelling of Russian-occupied Nova Kakhovka killed two people on Monday.",
        Some("2024-05-14"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Shelling);
}

#[test]
fn a_town_bombed_in_an_oblast_that_shares_a_city_s_name() {
    let ev = assemble(
        "Russian forces dropped a guided aerial bomb on Lyman in Donetsk region on Tuesday, killing two civilians, the regional governor said.",
        Some("2024-10-02"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!(
        (loc.name.as_str(), loc.country.as_deref()),
        ("Lyman", Some("UA"))
    );
    let ev = assemble(
        "Russian shelling of the Donetsk region killed two civilians on Tuesday.",
        Some("2024-10-02"),
    );
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!(
        (loc.country.as_deref(), loc.geo_precision),
        (Some("UA"), 3),
        "{ev:#?}"
    );
}

#[test]
fn a_cessation_of_hostilities_is_an_agreement() {
    let ev = assemble(
        "Azerbaijani and Karabakh Armenian representatives met in Yevlakh on Thursday. An agreement on the complete cessation of hostilities was reached in Yevlakh on Thursday, the Russian Defence Ministry said.",
        Some("2023-09-22"),
    );
    assert!(!ev.is_empty(), "{ev:#?}");
    for e in &ev {
        assert_eq!(e.sub_event_type, SubEventType::Agreement, "{ev:#?}");
    }
}

#[test]
fn a_ministry_that_calls_a_statement_disinformation_disputes_it_and_its_spokesperson_speaks_for_it()
{
    let ev = assemble(
        "Azerbaijan's Defence Ministry said Armenian units had fired at its positions near Gunnut on July 27. The Armenian Ministry of Defence called the statement another piece of disinformation. Spokesperson Aram Torosyan said that, on the contrary, at around 19:00 on July 27 Azerbaijani units had opened fire at Armenian combat positions near Verin Tsaghkavan.",
        Some("2023-07-29"),
    );
    assert_eq!(ev.len(), 2, "{ev:#?}");
    let g = at(&ev, "Gunnut");
    assert_eq!(
        g.claimant.as_deref(),
        Some("Ministry of Defence of Azerbaijan")
    );
    assert!(
        g.claims
            .iter()
            .any(|c| c.stance == sitrep_core::Stance::Disputes
                && c.claimant.as_deref() == Some("Ministry of Defence of Armenia")),
        "{g:#?}"
    );
    let v = at(&ev, "Verin Tsaghkavan");
    assert_eq!(
        v.claimant.as_deref(),
        Some("Ministry of Defence of Armenia")
    );
}

#[test]
fn a_tehsil_and_its_district_place_one_village_and_the_hospital_is_no_event() {
    let ev = assemble(
        "On Wednesday, mortar shells fired by Pakistani troops landed in Balnoi village of Mendhar tehsil in Poonch district, injuring a 40-year-old woman, police said. She was shifted to the district hospital in Poonch.",
        Some("2021-02-18"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Balnoi");
    assert_eq!(ev[0].injuries, 1);
}

#[test]
fn a_death_told_only_with_where_the_fire_came_from_happened_there() {
    let ev = assemble(
        "On Sunday, a serviceman of the Azerbaijani Army, Private Rauf Guliyev, was killed by sniper fire from Armenian positions in the Lachin direction, the Defence Ministry of Azerbaijan said.",
        Some("2022-06-14"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(
        e.location.as_ref().unwrap().admin1.as_deref(),
        Some("Lachin")
    );
    assert!(e.origin.is_none(), "{e:#?}");
    assert_eq!(e.fatalities, 1);
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Armenia"));
    assert_eq!(e.actor2.as_deref(), Some("Military Forces of Azerbaijan"));
}

#[test]
fn a_fourth_victim_found_later_raises_the_toll_and_a_range_ends_in_the_early_hours() {
    let ev = assemble(
        "Two servicemen were killed and one was wounded when Azerbaijani units fired on Armenian positions near Kut from late on the night of May 9 until the early hours of May 10, the Armenian Defence Ministry said. On Wednesday the ministry said that a third serviceman, listed as missing, had been found dead near the positions.",
        Some("2023-05-10"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.date.unwrap().to_string(), "2023-05-09");
    assert_eq!(e.date_end.unwrap().to_string(), "2023-05-10");
    assert_eq!((e.fatalities, e.injuries), (3, 1));
}

#[test]
fn communities_under_fire_after_a_sentence_naming_artillery_were_shelled() {
    let ev = assemble(
        "On Monday, Russian troops struck the Nikopol district with heavy artillery and kamikaze drones. Marhanets and Chervonohryhorivka communities came under fire. A 58-year-old man was injured in Marhanets, the head of the regional military administration Serhiy Lysak said.",
        Some("2023-09-12"),
    );
    let m = at(&ev, "Marhanets");
    assert_eq!(m.sub_event_type, SubEventType::Shelling, "{m:#?}");
    assert_eq!(m.actor2.as_deref(), Some("Civilians (UA)"));
    assert_eq!(m.injuries, 1);
}

#[test]
fn birth_years_of_the_victims_do_not_make_the_toll_history() {
    let ev = assemble(
        "On the night of 14 to 15 June, Kyrgyz units used mortars to shell residential areas of the village of Vorukh of Isfara district, the Tajik border troops said. As a result of the shelling, two residents of Vorukh, born in 1957 and 1989, were killed and four other civilians were wounded.",
        Some("2023-06-15"),
    );
    let v = at(&ev, "Vorukh");
    assert_eq!((v.fatalities, v.injuries), (2, 4), "{v:#?}");
}

#[test]
fn karabakh_villages_resolve_under_either_name() {
    let az = assemble(
        "On the night of March 3, illegal Armenian armed detachments fired on the positions of the Azerbaijan Army near the Khanabad village of the Khojaly district, the Defence Ministry of Azerbaijan said.",
        Some("2023-03-04"),
    );
    let am = assemble(
        "Azerbaijani units fired at Defence Army positions near Khnapat in the Askeran region on March 3, the Karabakh Defence Army said.",
        Some("2023-03-04"),
    );
    let key = |ev: &[Event]| {
        let l = ev[0].location.clone().expect("place");
        (
            l.name,
            l.admin1,
            l.lat.map(|x| (x * 100.0).round()),
            l.lon.map(|x| (x * 100.0).round()),
        )
    };
    assert_eq!(key(&az), key(&am), "{az:#?} {am:#?}");
    assert_eq!(key(&az).0, "Khnapat");
}

#[test]
fn a_resident_hurt_near_the_village_places_the_event_near_his_home() {
    let ev = assemble(
        "On Friday evening, a resident of Chinari, 47-year-old Artur Hakobyan, was wounded when an unexploded shell went off while he was cutting hay near the village, the Tavush regional administration said. He was taken to the Berd medical centre.",
        Some("2023-07-15"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let l = ev[0].location.as_ref().unwrap();
    assert_eq!((l.name.as_str(), l.geo_precision), ("Chinari", 2));
    assert_eq!(ev[0].injuries, 1);
}

#[test]
fn a_figure_corrected_in_the_same_sentence_replaces_the_initial_report() {
    let ev = assemble(
        "Israeli jets struck a building near Hermel on Sunday, the National News Agency said. The agency initially reported three people killed; the Health Ministry later said that two people had been killed and four wounded.",
        Some("2024-04-08"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!((ev[0].fatalities, ev[0].injuries), (2, 4), "{ev:#?}");
}

#[test]
fn a_district_named_with_a_village_hit_in_it_is_no_event_of_its_own() {
    let ev = assemble(
        "Ukrainian forces attacked the Grayvoron district of the Belgorod region on Monday: a drone struck a tractor in Kozinka, wounding two farm workers, the governor said. In the Kursk region, a drone hit a bus stop in Lgov on Monday evening, injuring a woman.",
        Some("2024-09-10"),
    );
    let names: Vec<&str> = ev
        .iter()
        .map(|e| e.location.as_ref().unwrap().name.as_str())
        .collect();
    assert_eq!(names.len(), 2, "{ev:#?}");
    assert_eq!(at(&ev, "Kozinka").injuries, 2);
    let lgov = ev
        .iter()
        .find(|e| e.location.as_ref().unwrap().name != "Kozinka")
        .unwrap();
    let l = lgov.location.as_ref().unwrap();
    assert_eq!(l.admin1.as_deref(), Some("Kursk Oblast"), "{names:?}");
    assert_eq!(l.geo_precision, 1);
    assert!(
        l.name.starts_with("L") && l.name.contains("gov") && !l.name.contains("skiy"),
        "{l:?}"
    );
    assert_eq!(lgov.injuries, 1);
}

#[test]
fn a_victims_home_places_the_event_when_no_other_place_is_named() {
    let ev = assemble(
        "Also on Thursday, a resident of the Gulabird village of the Lachin district, 41-year-old Elnur Rzayev, was injured when an anti-tank mine exploded under his tractor, the Mine Action Agency said.",
        Some("2023-04-14"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].location.as_ref().unwrap().admin1.as_deref(),
        Some("Lachin")
    );
    assert_eq!(ev[0].injuries, 1);
    // With the place hit named, the home is not the event's place.
    let ev = assemble(
        "Pakistani shells landed in Kotli on Friday, injuring two civilians, residents of Bagh district, the ISPR said.",
        Some("2023-04-15"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Kotli");
}

#[test]
fn close_to_is_a_locative() {
    let ev = assemble(
        "A soldier was injured on Monday when a landmine exploded while he was on patrol close to the LoC in the Gurez sector, the Army said.",
        Some("2023-05-09"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::RemoteExplosive);
    assert_eq!(ev[0].injuries, 1);
}

#[test]
fn the_seat_of_a_source_is_no_event_place() {
    let ev = assemble(
        "The army said in Srinagar that Pakistani troops had shelled forward posts in the Uri sector on Sunday. Ethiopian gunmen abducted two farmers near Basunda on Sunday, a farmers' union in Gedaref said.",
        Some("2021-05-24"),
    );
    let names: Vec<&str> = ev
        .iter()
        .map(|e| e.location.as_ref().unwrap().name.as_str())
        .collect();
    assert!(
        names.contains(&"Uri") && names.contains(&"Basunda"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Srinagar") && !names.contains(&"Gedaref"),
        "{names:?}"
    );
}

#[test]
fn a_list_sharing_a_plural_noun_keeps_every_name() {
    let ev = assemble(
        "Indian troops targeted the Nikial and Khuiratta sectors with mortars on Friday, injuring a woman, the ISPR said.",
        Some("2021-03-06"),
    );
    assert_eq!(ev.len(), 2, "{ev:#?}");
}

#[test]
fn an_exclave_named_after_a_village_is_its_region_and_a_sector_is_its_town() {
    let ev = assemble(
        "BAKU/YEREVAN, Nov 9 (wire) - A soldier was wounded by Armenian fire on Tuesday evening near the village of Sadarak in the Nakhchivan exclave, the Azerbaijani Defence Ministry said.",
        Some("2022-11-09"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Sadarak");
    assert_eq!(ev[0].date.unwrap().to_string(), "2022-11-08");
    let ev = assemble(
        "A soldier embraced shahadat during an exchange of fire with Indian troops in the Forward Kahuta sector on Sunday, the ISPR said.",
        Some("2021-01-11"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let l = ev[0].location.as_ref().unwrap();
    assert_eq!((l.name.as_str(), l.geo_precision), ("Forward Kahuta", 2));
    let ev = assemble(
        "Armenian units fired on Azerbaijani positions in the Nakhchivan region on Sunday, the ministry said.",
        Some("2021-01-11"),
    );
    let l = ev[0].location.as_ref().unwrap();
    assert_eq!(
        (l.name.as_str(), l.geo_precision),
        ("Nakhchivan Autonomous Republic", 3)
    );
}

#[test]
fn a_fronted_region_frames_the_town_hit_in_it() {
    let ev = assemble(
        "In Kharkiv region, a Russian drone struck a private house in Zolochiv on Sunday evening, wounding a man, the regional military administration said.",
        Some("2024-10-14"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Zolochiv");
    assert_eq!(ev[0].injuries, 1);
    let ev = assemble(
        "Pakistani troops shelled Poonch in the Poonch district on Sunday, a defence spokesman said.",
        Some("2021-10-18"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
}

#[test]
fn a_clash_and_a_massacre_nearby_are_two_events_and_an_advance_is_no_place() {
    let ev = assemble(
        "On Sunday, the army repelled an RSF attack on villages near Al Fau, in western Gedaref state, the army said. Before the army arrived, RSF fighters killed at least six civilians in a village on the outskirts of Al Fau, a lawyers' group said. The RSF has since pushed east towards Gedaref and Sennar.",
        Some("2024-12-02"),
    );
    assert_eq!(ev.len(), 2, "{ev:#?}");
    let clash = ev
        .iter()
        .find(|e| e.sub_event_type == SubEventType::ArmedClash)
        .expect("clash");
    assert_eq!(clash.actor2.as_deref(), Some("Military Forces of Sudan"));
    let attack = ev
        .iter()
        .find(|e| e.sub_event_type == SubEventType::Attack)
        .expect("attack");
    assert_eq!(attack.actor2.as_deref(), Some("Civilians (SD)"));
    assert_eq!(attack.fatalities, 6);
    for e in &ev {
        let l = e.location.as_ref().unwrap();
        assert_eq!(l.country.as_deref(), Some("SD"), "{l:?}");
    }
}

#[test]
fn ground_retaken_from_a_group_names_the_army_first_and_stationed_units_fire_from_there() {
    let ev = assemble(
        "Sudan's army said on Monday that its forces had retaken the area of Jabal Tayyur in the eastern al-Fashaga region from Ethiopian militias.",
        Some("2020-12-29"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].sub_event_type,
        SubEventType::GovernmentRegainsTerritory
    );
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Sudan"));
    let ev = assemble(
        "On May 3, units of the Armenian armed forces stationed in the occupied Karki village subjected to fire the positions of the Azerbaijan Army in the direction of the Heydarabad settlement of the Sadarak district.",
        Some("2023-05-04"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Heydarabad");
}

#[test]
fn governors_police_and_village_heads_named_by_title_speak_for_the_place_hit() {
    let ev = assemble(
        "A Ukrainian drone hit a minibus in Shebekino on Monday, wounding three passengers, Governor Vyacheslav Gladkov said on Telegram.",
        Some("2024-09-10"),
    );
    assert_eq!(
        ev[0].claimant.as_deref(),
        Some("Governor of Belgorod Oblast")
    );
    let ev = assemble(
        "A mortar shell fired by Pakistani troops landed near a house in Balnoi village of Mendhar tehsil on Monday, injuring a woman, police said.",
        Some("2024-09-10"),
    );
    assert_eq!(ev[0].claimant.as_deref(), Some("Jammu and Kashmir Police"));
    let ev = assemble(
        "Azerbaijani troops fired at houses in Sotk on Monday, village head Karen Avetisyan told reporters.",
        Some("2024-09-10"),
    );
    assert_eq!(ev[0].claimant.as_deref(), Some("Sotk village head"));
}

#[test]
fn unprovoked_fire_and_a_side_that_only_responded() {
    let ev = assemble(
        "Pakistani troops opened unprovoked fire on Indian posts in the Tangdhar sector on Sunday, a defence spokesman said.",
        Some("2020-11-02"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let ev = assemble(
        "The Indian Army said it had only responded to unprovoked Pakistani fire on its posts in the Uri sector on Sunday.",
        Some("2020-11-02"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Pakistan"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of India"));
}

#[test]
fn strikes_carried_out_drones_launched_and_a_ceasefire_violated_in_a_direction() {
    let ev = assemble(
        "Israeli jets carried out strikes on Hezbollah targets in Yaroun on Sunday. Hezbollah launched a swarm of drones at an army base near Shlomi on Sunday.",
        Some("2024-06-10"),
    );
    assert_eq!(ev.len(), 2, "{ev:#?}");
    assert!(ev
        .iter()
        .all(|e| e.sub_event_type == SubEventType::AirDroneStrike));
    let ev = assemble(
        "On June 9, Azerbaijani armed forces violated the ceasefire in the direction of Tegh using small arms, the Armenian Defence Ministry said.",
        Some("2024-06-10"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Tegh");
    assert!(ev[0].origin.is_none());
}

#[test]
fn every_town_of_a_short_list_is_a_place() {
    let ev = assemble(
        "Russian artillery shelled Orikhiv and Huliaipole on Saturday, the regional military administration said.",
        Some("2023-06-11"),
    );
    assert_eq!(ev.len(), 2, "{ev:#?}");
}

#[test]
fn habits_are_no_events_but_repeated_fire_on_a_day_is() {
    let ev = assemble(
        "Baku regularly accuses Armenian units of firing at its positions in the Kalbajar district, and Yerevan says Azerbaijani troops fire on Sotk almost daily.",
        Some("2023-02-20"),
    );
    assert!(ev.is_empty(), "{ev:#?}");
    let ev = assemble(
        "On February 19, Armenian units repeatedly fired at the positions of the Azerbaijan Army in the direction of the Lachin district, the ministry said.",
        Some("2023-02-20"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
}

#[test]
fn positions_used_or_named_with_their_side_are_where_fire_came_from() {
    let ev = assemble(
        "On April 3, units of the Armed Forces of Armenia, using positions located in the direction of the Khachik settlement, subjected to fire the positions of the Azerbaijan Army in the direction of the Gunnut settlement of the Sharur district.",
        Some("2023-04-04"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Gunnut");
    let ev = assemble(
        "A soldier was killed by a sniper's bullet fired from Armenian positions near Yeraskh at a border post in the Sadarak district on April 3, the State Border Service said.",
        Some("2023-04-04"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].location.as_ref().unwrap().admin1.as_deref(),
        Some("Sadarak")
    );
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
}

#[test]
fn a_victim_named_with_his_army_and_fire_from_positions_near_a_village() {
    let ev = assemble(
        "A soldier of the Azerbaijan Army was wounded by sniper fire from Armenian positions near Chartar on Sunday.",
        Some("2023-03-06"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let l = ev[0].location.as_ref().unwrap();
    assert_eq!((l.name.as_str(), l.geo_precision), ("Chartar", 2));
    assert_eq!(ev[0].injuries, 1);
}

#[test]
fn a_regional_official_places_a_town_in_the_region_and_a_detained_shepherd_s_home() {
    let ev = assemble(
        "A Ukrainian drone hit a house in Klimovo on Monday, Bryansk governor Alexander Bogomaz said.",
        Some("2023-11-07"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].location.as_ref().unwrap().admin1.as_deref(),
        Some("Bryansk Oblast")
    );
    let ev = assemble(
        "On Tuesday, Azerbaijani soldiers detained a shepherd from Tsovak who had strayed across the line, the International Committee of the Red Cross said.",
        Some("2023-01-18"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Tsovak");
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (AM)"));
}

#[test]
fn firing_from_a_weapon_is_no_origin() {
    let ev = assemble(
        "The Pakistani army resorted to unprovoked firing from small arms and shelling with mortars in the Uri and Tangdhar sectors on Sunday, a defence spokesman said.",
        Some("2020-09-21"),
    );
    assert_eq!(ev.len(), 2, "{ev:#?}");
}

#[test]
fn an_aside_with_a_history_does_not_make_the_sentence_background() {
    // The relative clause's "since March" and "fighting" are background; the strike
    // it is set in is the event, dated by the report.
    let ev = assemble(
        "Russian forces struck Kupiansk with a guided bomb on Sunday, the Kharkiv governor said. In Vovchansk, where Ukrainian units have been fighting inside the town since March, a drone killed a man and wounded two women.",
        Some("2024-04-08"),
    );
    let e = at(&ev, "Vovchansk");
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike, "{ev:#?}");
    assert_eq!(e.date.unwrap().to_string(), "2024-04-07");
    assert_eq!((e.fatalities, e.injuries), (1, 2));
    assert_eq!(e.actor2.as_deref(), Some("Civilians (UA)"));
    // The same history in the main clause still marks the sentence as background.
    let ev = assemble(
        "Ukrainian units have been fighting inside Vovchansk since March.",
        Some("2024-04-08"),
    );
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn craft_named_by_model_act_for_their_army_and_bombed_towns_are_places() {
    let ev = assemble(
        "Russian Su-25 jets bombed Vovchansk on Tuesday, the regional governor said.",
        Some("2024-06-05"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Vovchansk");
    assert_eq!(ev[0].sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of Russia"));
    let ev = assemble(
        "Azerbaijani Bayraktar TB2 drones struck Armenian positions near Sotk on Monday.",
        Some("2022-09-13"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Armenia"));
    let ev = assemble(
        "Russian artillery pounded Kupiansk on Sunday.",
        Some("2024-06-05"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Shelling);
}

#[test]
fn militias_backing_a_force_do_not_act_in_its_place() {
    // A non-state ally after "backed by" is no agent of a passive; a state backer is
    // (see a_place_qualified_by_its_area_is_one_event_and_numbers_of_dead_count).
    let ev = assemble(
        "RSF fighters backed by allied militias stormed the village of Wad al-Noura on Wednesday, killing 100 people, activists said.",
        Some("2024-06-06"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1.as_deref(), Some("Rapid Support Forces"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (SD)"));
}

#[test]
fn an_act_answered_is_no_trigger_and_a_barrage_of_rockets_is_shelling() {
    let ev = assemble(
        "Hezbollah said it fired a barrage of Katyusha rockets at Kiryat Shmona on Monday in response to the strike.",
        Some("2024-03-12"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Shelling);
    assert_eq!(ev[0].actor1.as_deref(), Some("Hezbollah"));
}

#[test]
fn people_killed_in_clashes_with_forces_make_no_civilian_side_of_a_battle() {
    let ev = assemble(
        "Kyrgyz authorities said 24 people had been killed and 87 wounded in the clashes with Tajik forces in the Batken region on Wednesday.",
        Some("2022-09-17"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::ArmedClash);
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Kyrgyzstan")
    );
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Military Forces of Tajikistan")
    );
    assert_eq!((ev[0].fatalities, ev[0].injuries), (24, 87));
    assert_eq!(ev[0].claimant.as_deref(), Some("Government of Kyrgyzstan"));
}

#[test]
fn crowds_gather_lynch_and_throw_stones() {
    let ev = assemble(
        "On Tuesday, about 300 people gathered outside the town hall in Goris, demanding compensation for damaged houses.",
        Some("2024-05-15"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::PeacefulProtest);
    assert_eq!(ev[0].actor1.as_deref(), Some("Protesters (AM)"));
    let ev = assemble(
        "On Monday evening, a mob lynched a man accused of theft in Maiduguri, police said.",
        Some("2024-05-14"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::MobViolence);
    assert_eq!(ev[0].actor1.as_deref(), Some("Rioters (NG)"));
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (NG)"));
    assert_eq!(ev[0].fatalities, 1);
    // The crowd's nationality, not the place's; the patrol it attacked.
    let ev = assemble(
        "About 40 Tajik citizens threw stones at a Kyrgyz border patrol near Ak-Tatyr on Sunday, injuring two border guards.",
        Some("2024-05-14"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1.as_deref(), Some("Rioters (TJ)"));
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Military Forces of Kyrgyzstan")
    );
    assert_eq!(ev[0].injuries, 2);
}

#[test]
fn active_killings_of_named_victims_are_events() {
    let ev = assemble(
        "On Monday, gunmen killed two fishermen near Mueda, a local official said.",
        Some("2024-05-14"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Attack);
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (MZ)"));
    assert_eq!(ev[0].fatalities, 2);
    let ev = assemble(
        "Since the start of the day, Ukrainian defenders have repelled six Russian assaults near Vovchansk, the General Staff said. Another 9 people were injured in Kupiansk.",
        Some("2024-06-05"),
    );
    let e = at(&ev, "Vovchansk");
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{ev:#?}");
    assert_eq!(at(&ev, "Kupiansk").injuries, 9);
}

#[test]
fn police_are_the_police_of_the_place_and_groups_of_other_theatres_act() {
    let ev = assemble(
        "ELN guerrillas attacked a police station in Tame on Monday, killing two officers, the army said.",
        Some("2024-03-19"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("ELN: National Liberation Army")
    );
    assert_eq!(ev[0].actor2.as_deref(), Some("Police Forces of Colombia"));
    let ev = assemble(
        "Police arrested three militant associates in Sopore on Monday.",
        Some("2024-03-19"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Arrests);
    assert_eq!(ev[0].actor1.as_deref(), Some("Police Forces of India"));
}

#[test]
fn the_region_a_place_lies_in_is_no_event_of_its_own() {
    // The area's district owned by its state.
    let ev = assemble(
        "A woman was killed when Pakistani troops shelled a village in the Mandi area of Jammu and Kashmir's Poonch district on Saturday, an army spokesman said.",
        Some("2020-09-13"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Mandi");
    // A compass word before the owner.
    let ev = assemble(
        "Two militants were killed in an encounter in the Kalaroos area of north Kashmir's Kupwara district on Saturday, police said.",
        Some("2020-09-13"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    // "the department of X" and "X State" are regions.
    let ev = assemble(
        "In the department of Arauca, ELN guerrillas attacked an army patrol near Saravena on Sunday.",
        Some("2024-09-16"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Saravena");
    let ev = assemble(
        "Gunmen killed five villagers in Zamfara State on Sunday.",
        Some("2024-09-16"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!((loc.country.as_deref(), loc.geo_precision), (Some("NG"), 3));
    // A state body is no state.
    let ev = assemble(
        "Two residents of Chartar were detained by Azerbaijani servicemen on Tuesday, the Artsakh State Service of Emergency Situations said.",
        Some("2021-02-18"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Chartar");
}

#[test]
fn a_place_heading_its_line_is_the_place_of_what_follows() {
    let text = "On February 3, the Russians shelled the Donetsk region 29 times.\nRodynske: artillery shelling damaged three private houses; two people were injured.\nDobropillia: the Russians struck the town with a guided aerial bomb, five people were wounded.";
    let ev = assemble(text, Some("2024-02-04"));
    assert_eq!(at(&ev, "Rodynske").injuries, 2, "{ev:#?}");
    assert_eq!(at(&ev, "Rodynske").sub_event_type, SubEventType::Shelling);
    assert_eq!(at(&ev, "Dobropillia").injuries, 5);
    // A wire dateline in capitals is where the report was filed.
    let ev = assemble(
        "ISLAMABAD: Pakistani troops shelled Indian posts in the Poonch sector on Monday, the ISPR said.",
        Some("2024-02-06"),
    );
    assert!(
        ev.iter()
            .all(|e| e.location.as_ref().unwrap().name != "Islamabad"),
        "{ev:#?}"
    );
}

#[test]
fn air_defences_unnamed_stop_the_attacker_of_the_events_before() {
    let text = "During the day, the Russians carried out 29 shellings of the border areas of the Sumy region.\n- Svesa community: the enemy fired mortars.\nIn the evening, air defence forces shot down two more drones over the Sumy district.";
    let ev = assemble(text, Some("2024-08-20"));
    let stopped = ev
        .iter()
        .find(|e| e.sub_event_type == SubEventType::DisruptedWeaponsUse)
        .unwrap_or_else(|| panic!("{ev:#?}"));
    assert_eq!(
        stopped.actor1.as_deref(),
        Some("Military Forces of Ukraine")
    );
    assert_eq!(stopped.actor2.as_deref(), Some("Military Forces of Russia"));
}

#[test]
fn a_community_listed_under_fire_and_its_own_item_are_one_event() {
    let text = "The following communities came under fire on Monday: Svesa and Myropillia.\n- Svesa community: the enemy fired mortars (6 explosions).\n- Myropillia community: artillery shelling (20 explosions).";
    let ev = assemble(text, Some("2024-08-20"));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    assert_eq!(at(&ev, "Svesa").sub_event_type, SubEventType::Shelling);
    assert_eq!(at(&ev, "Myropillia").sub_event_type, SubEventType::Shelling);
}

#[test]
fn people_captured_are_arrested_not_ground_taken() {
    let ev = assemble(
        "On Monday, a resident of Chinari who was grazing cattle near the border was captured by Azerbaijani servicemen, the Human Rights Defender said.",
        Some("2024-06-12"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Arrests);
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (AM)"));
    let ev = assemble(
        "Azerbaijani forces captured the village of Talish on Friday.",
        Some("2024-06-12"),
    );
    assert_eq!(
        ev[0].sub_event_type,
        SubEventType::GovernmentRegainsTerritory
    );
}

#[test]
fn positions_set_up_and_property_burned_are_strategic_developments() {
    let ev = assemble(
        "On Monday, Azerbaijani troops set up a new position above Tegh, the Armenian defence ministry said, and called on Baku to withdraw them.",
        Some("2024-06-12"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::HeadquartersEstablished);
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Tegh");
    let ev = assemble(
        "Partisans set fire to a railway relay cabinet near Valuyki on Monday.",
        Some("2024-06-12"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].sub_event_type,
        SubEventType::LootingPropertyDestruction
    );
}

#[test]
fn a_barrage_partly_intercepted_is_the_barrage() {
    let ev = assemble(
        "About 10 rockets were fired from Lebanon at Baram today; some were intercepted and the rest fell in open areas.",
        Some("2024-06-12"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Shelling);
}

#[test]
fn a_seat_named_with_its_region_and_an_anniversary_are_no_events() {
    let ev = assemble(
        "Authorities in Ethiopia's Benishangul-Gumuz region said security forces had detained 20 suspects near Assosa on Sunday.",
        Some("2024-12-09"),
    );
    assert!(
        ev.iter()
            .all(|e| e.location.as_ref().unwrap().name != "Benishangul-Gumuz"),
        "{ev:#?}"
    );
    let ev = assemble(
        "Azerbaijan's Separate Combined Arms Army in Nakhchivan gave a different account, saying that Armenian units had fired at its positions in the Sharur district this morning.",
        Some("2021-11-26"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].location.as_ref().unwrap().admin1.as_deref(),
        Some("Sharur")
    );
    let ev = assemble(
        "A year after Azerbaijan's lightning offensive in Nagorno-Karabakh, the villages along Armenia's border in Syunik live with a quiet that few trust.",
        Some("2024-09-20"),
    );
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn a_facility_near_a_town_and_a_road_between_two_are_one_place() {
    let ev = assemble(
        "RSF drones struck the power station of the Roseires dam near Ed Damazin on Saturday.",
        Some("2024-12-08"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().geo_precision, 2);
    let ev = assemble(
        "A Turkish drone struck a car on the road between Qamishli and Amuda on Monday, killing two SDF fighters.",
        Some("2023-10-09"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].fatalities, 2);
    assert_eq!(ev[0].location.as_ref().unwrap().geo_precision, 2);
}

#[test]
fn residents_fired_on_while_returning_home_are_hit_at_home() {
    let ev = assemble(
        "On Monday, Israeli troops opened fire on residents returning to Houla, wounding four people.",
        Some("2025-01-21"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Houla");
    assert_eq!(ev[0].actor2.as_deref(), Some("Civilians (LB)"));
    assert_eq!(ev[0].injuries, 4);
}

#[test]
fn troops_that_foiled_an_infiltration_acted() {
    let ev = assemble(
        "Indian troops foiled an infiltration bid in the Boniyar area of Baramulla district on Friday night and killed two infiltrators, a police official said.",
        Some("2020-09-12"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1.as_deref(), Some("Military Forces of India"));
    assert_eq!(ev[0].fatalities, 2);
}

#[test]
fn a_quadcopter_brought_down_is_stopped_by_the_other_side() {
    let ev = assemble(
        "On October 17, a quadcopter of the Armenian armed forces tried to fly over our positions near Kemerli. It was brought down by the electronic warfare means of the Azerbaijan Army.",
        Some("2022-10-18"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    assert_eq!(ev[0].actor2.as_deref(), Some("Military Forces of Armenia"));
    // Units "deployed in" a region still act.
    let ev = assemble(
        "Today, at 03:20, Armenian units deployed in the Chambarak region again fired with large-calibre machine guns at our positions in the Gadabay district.",
        Some("2022-10-18"),
    );
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Armenia"),
        "{ev:#?}"
    );
}

#[test]
fn a_group_that_says_they_shot_down_a_drone_acted_and_speaks() {
    let ev = assemble(
        "The Houthis said they had shot down a U.S. MQ-9 Reaper drone over Marib on Tuesday.",
        Some("2024-06-26"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::DisruptedWeaponsUse);
    assert_eq!(ev[0].actor1.as_deref(), Some("Houthis"));
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Military Forces of the United States")
    );
    assert_eq!(ev[0].claimant.as_deref(), Some("Houthis"));
}

#[test]
fn date_first_wire_dateline_is_no_event_date() {
    let text = "March 9, 2021 (GEDAREF) - Armed men attacked farmers near Gallabat on Sunday, killing three of them, a local official said.";
    let ev = assemble(text, Some("2021-03-09"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].date.unwrap().to_string(), "2021-03-07");
    assert_eq!(ev[0].fatalities, 3);
}

#[test]
fn shelled_towns_and_villages_are_civilians_unless_troops_are_named() {
    let ev = assemble(
        "Azerbaijani forces shelled the town of Berd and the village of Chinari with mortars on Tuesday, the Armenian Defence Ministry said.",
        Some("2020-07-15"),
    );
    for place in ["Berd", "Chinari"] {
        assert_eq!(at(&ev, place).actor2.as_deref(), Some("Civilians (AM)"));
    }
    let ev = assemble(
        "Azerbaijani forces shelled Armenian army positions near the village of Chinari with mortars on Tuesday, the Armenian Defence Ministry said.",
        Some("2020-07-15"),
    );
    assert_eq!(
        at(&ev, "Chinari").actor2.as_deref(),
        Some("Military Forces of Armenia")
    );
    // The attacker's troops are no military target.
    let ev = assemble(
        "Russian troops shelled Vovchansk with artillery throughout the day, Kharkiv governor Oleh Syniehubov said.",
        Some("2024-05-10"),
    );
    assert_eq!(
        at(&ev, "Vovchansk").actor2.as_deref(),
        Some("Civilians (UA)")
    );
}

#[test]
fn undated_paragraph_after_background_day_returns_to_the_story_day() {
    let text = "Kyrgyz and Tajik border guards exchanged fire near Kok-Tash on Thursday, the Kyrgyz border service said.\n\
        The dispute flared on April 28, when residents of two border villages threw stones at each other over a water pipe.\n\
        Residents of Maksat were evacuated after Tajik forces fired mortars at the village in the afternoon, the service said.";
    let ev = assemble(text, Some("2021-04-29"));
    assert_eq!(at(&ev, "Maksat").date.unwrap().to_string(), "2021-04-29");
}

#[test]
fn tolls_since_a_weekday_are_no_event() {
    let text = "Kyrgyz forces shelled the village of Vorukh on Friday, the Tajik border service said. Nineteen Tajik citizens had been killed since Wednesday, officials in Dushanbe said.";
    let ev = assemble(text, Some("2022-09-17"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].fatalities, 0);
}

#[test]
fn artillery_that_pounded_positions_acts() {
    let ev = assemble(
        "Azerbaijani artillery pounded positions near Martakert on Sunday, the Artsakh Defense Ministry said.",
        Some("2016-04-04"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].actor1.as_deref(),
        Some("Military Forces of Azerbaijan")
    );
    assert_eq!(
        ev[0].actor2.as_deref(),
        Some("Nagorno-Karabakh Armenian forces")
    );
    assert_eq!(
        ev[0].claimant.as_deref(),
        Some("Nagorno-Karabakh Defence Army")
    );
}

#[test]
fn unnamed_forces_hit_in_lebanon_are_hezbollahs_where_the_report_names_it() {
    let ev = assemble(
        "Hezbollah said it fired two anti-tank missiles at an army post near Shtula on Monday. Israeli artillery then shelled the launch site near Ramyeh, the army said.",
        Some("2024-02-13"),
    );
    assert_eq!(at(&ev, "Ramyeh").actor2.as_deref(), Some("Hezbollah"));
    // The Lebanese army named as hit stays the Lebanese army.
    let ev = assemble(
        "Hezbollah said it fired two anti-tank missiles at an army post near Shtula on Monday. Israeli shells hit a Lebanese army post near Ramyeh, wounding two Lebanese soldiers, the army said.",
        Some("2024-02-13"),
    );
    assert_eq!(
        at(&ev, "Ramyeh").actor2.as_deref(),
        Some("Military Forces of Lebanon")
    );
}

#[test]
fn a_military_sources_unowned_jets_are_its_own() {
    let ev = assemble(
        "The Israel Defense Forces said fighter jets struck Hezbollah sites in Khiam on Sunday.",
        Some("2024-01-15"),
    );
    assert_eq!(
        at(&ev, "Khiam").actor1.as_deref(),
        Some("Military Forces of Israel")
    );
}

#[test]
fn a_wire_datelines_day_is_no_main_date() {
    // The dateline's day (May 25) is the filing day; the later paragraph's "at about
    // 19:40" is on the day of the events, May 24.
    let text = "BAKU, Azerbaijan, May 25. On May 24, from 11:10 to 12:30, units of the Armenian armed forces subjected to fire the positions of the Azerbaijan Army stationed in the direction of the Alibayli settlement of the Tovuz region, the Ministry of Defense said.\n\
        At about 19:40, units of the Armenian armed forces fired on the positions of the Azerbaijan Army in the direction of the Kokhanebi settlement of the Tovuz region.";
    let ev = assemble(text, Some("2022-05-25"));
    assert_eq!(at(&ev, "Alibayli").date.unwrap().to_string(), "2022-05-24");
    assert_eq!(at(&ev, "Kokhanebi").date.unwrap().to_string(), "2022-05-24");
}

#[test]
fn what_a_war_is_over_and_a_capitals_region_are_no_places() {
    let text = "A rocket hit a house in Barda early on Sunday, wounding three people, officials said, hours after a truce was meant to halt the fighting over Nagorno-Karabakh.\n\
        In Stepanakert, the capital of Nagorno-Karabakh, shelling wounded a woman on Sunday afternoon, the emergency service said.\n\
        The fighting that began on Sept. 27 has killed hundreds of people.";
    let ev = assemble(text, Some("2020-10-12"));
    let places: Vec<&str> = ev
        .iter()
        .filter_map(|e| e.location.as_ref().map(|l| l.name.as_str()))
        .collect();
    assert!(!places.contains(&"Nagorno-Karabakh"), "{places:?}");
    assert_eq!(at(&ev, "Barda").injuries, 3);
    assert_eq!(at(&ev, "Khankendi").injuries, 1);
    assert_eq!(ev.len(), 2, "{ev:#?}");
}

#[test]
fn border_services_named_with_their_country_take_their_full_names() {
    for (source, full) in [
        (
            "the Border Troops of Tajikistan",
            "Border Troops of the State Committee for National Security of Tajikistan",
        ),
        (
            "the Tajik State Committee for National Security",
            "State Committee for National Security of Tajikistan",
        ),
    ] {
        let text = format!(
            "Kyrgyz forces fired mortars at Tajik positions near Vorukh on Friday, {source} said."
        );
        let ev = assemble(&text, Some("2022-09-17"));
        assert_eq!(
            at(&ev, "Vorukh").claimant.as_deref(),
            Some(full),
            "{source}"
        );
    }
}

#[test]
fn header_lines_before_the_first_paragraph_restate_the_story() {
    // A masthead, a tagline and a Title Case headline above the story: the headline
    // is no event of its own ("As Azerbaijan Shells Border" is no place).
    let text = "Border Herald\n\
        News and views from the frontier\n\
        Dozens Of Soldiers Killed As Azerbaijan Shells Border Towns\n\
        Azerbaijani forces shelled Armenian positions near Jermuk early on Tuesday, killing at least 15 Armenian soldiers, the Armenian Defence Ministry said.";
    let ev = assemble(text, Some("2022-09-13"));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(at(&ev, "Jermuk").fatalities, 15);
}

#[test]
fn a_past_wars_toll_told_in_a_relative_clause_is_no_figure() {
    let text = "The Azerbaijani Defence Ministry said Armenian units had fired on its positions in the Kalbajar and Lachin directions, and that 12 Azerbaijani servicemen were killed.\n\
        Moscow said a truce was to take effect at noon, but shelling went on in the afternoon.\n\
        The 2020 war, in which more than 6,500 people were killed, ended with a ceasefire brokered by Moscow.";
    let ev = assemble(text, Some("2022-09-14"));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    let dead: u32 = ev.iter().map(|e| e.fatalities).sum();
    assert_eq!(dead, 12, "{ev:#?}");
}

#[test]
fn a_demonym_before_a_place_name_only_qualifies_it() {
    let ev = assemble(
        "Tajik forces fired mortars at the Kyrgyz Kulundu border outpost on Wednesday, the Kyrgyz border service said.",
        Some("2022-09-15"),
    );
    let e = at(&ev, "Kulundu");
    let loc = e.location.as_ref().unwrap();
    assert_eq!(loc.country.as_deref(), Some("KG"));
    assert!(loc.lat.is_some(), "{loc:?}");
}

#[test]
fn what_came_later_than_a_night_is_on_its_last_day() {
    let text = "Overnight, an explosive-laden drone launched from Lebanon fell in an open area near Shtula, the IDF said.\n\
        IDF fighter jets later struck Hezbollah sites in Aitaroun, the army said.";
    let ev = assemble(text, Some("2024-05-21"));
    let night = at(&ev, "Shtula");
    assert_eq!(night.date.unwrap().to_string(), "2024-05-20");
    let later = at(&ev, "Aitaroun");
    assert_eq!(later.date.unwrap().to_string(), "2024-05-21");
    assert_eq!(later.date_end.unwrap().to_string(), "2024-05-21");
    assert_eq!(later.actor1.as_deref(), Some("Military Forces of Israel"));
}

#[test]
fn a_village_in_a_named_unit_is_in_that_unit_s_country() {
    // Kyrgyz forces are the report's first country, and Kyrgyzstan has a border post
    // of the same name 4 km from Vorukh; the village in the Vorukh jamoat is Tajik.
    let ev = assemble(
        "Kyrgyz forces fired mortars at the village of Khoja Alo in the Vorukh jamoat on Monday, the statement said.",
        Some("2022-09-13"),
    );
    let loc = at(&ev, "Khoja Alo").location.as_ref().expect("location");
    assert_eq!(loc.country.as_deref(), Some("TJ"));
}

#[test]
fn tolls_since_a_day_or_of_a_war_that_ended_are_no_events() {
    for (text, published) in [
        ("Azerbaijan said four of its soldiers were killed in clashes near Hadrut on Friday. More than 6,000 people were killed in the fighting that ended Nov. 10.", "2020-12-14"),
        ("An Israeli drone struck a car in Hebbariyeh on Tuesday, killing two people. Since Oct. 8, more than 340 people have been killed in Lebanon by Israeli fire.", "2024-01-10"),
    ] {
        let ev = assemble(text, Some(published));
        assert_eq!(ev.len(), 1, "{text}: {ev:#?}");
        assert!(ev[0].fatalities <= 4, "{ev:#?}");
    }
}

#[test]
fn each_clause_s_figures_go_to_the_place_it_names() {
    let ev = assemble(
        "According to the governor, a 71-year-old woman was killed by Russian artillery fire in Bilozerka late on July 17, while three people were injured when a guided aerial bomb hit Beryslav.",
        Some("2024-07-18"),
    );
    let b = at(&ev, "Bilozerka");
    assert_eq!((b.fatalities, b.injuries), (1, 0), "{ev:#?}");
    let b = at(&ev, "Beryslav");
    assert_eq!((b.fatalities, b.injuries), (0, 3), "{ev:#?}");
}

#[test]
fn a_follow_up_sentence_s_figures_go_clause_by_clause() {
    let ev = assemble(
        "Azerbaijani forces shelled Sotk and Kut on Tuesday, the Armenian Defence Ministry said. A soldier was wounded in Sotk, while two civilians were injured in Kut.",
        Some("2022-09-14"),
    );
    assert_eq!(at(&ev, "Sotk").injuries, 1, "{ev:#?}");
    assert_eq!(at(&ev, "Kut").injuries, 2, "{ev:#?}");
}

#[test]
fn nights_between_two_days_span_both() {
    let ev = assemble(
        "A soldier was killed as the Pakistan army shelled forward posts in the Keran sector on the intervening night of Saturday and Sunday, army officials said.",
        Some("2020-04-12"),
    );
    let e = at(&ev, "Keran");
    assert_eq!(e.date.unwrap().to_string(), "2020-04-11");
    assert_eq!(e.date_end.unwrap().to_string(), "2020-04-12");
    let ev = assemble(
        "Late on June 9 and into the early hours of June 10, Armenian units fired at Azerbaijani positions in Keshdak, the Defence Ministry of Azerbaijan said.",
        Some("2021-06-11"),
    );
    let e = at(&ev, "Keshdak");
    assert_eq!(e.date.unwrap().to_string(), "2021-06-09");
    assert_eq!(e.date_end.unwrap().to_string(), "2021-06-10");
}

#[test]
fn a_name_in_brackets_before_direction_is_the_place() {
    let ev = assemble(
        "Azerbaijani forces fired on positions in the eastern (Martuni) direction on Wednesday, the Defence Army of Nagorno-Karabakh said.",
        Some("2023-06-29"),
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let loc = ev[0].location.as_ref().expect("location");
    assert!(
        loc.name.contains("Martuni") || loc.name.contains("Khojavend"),
        "{loc:?}"
    );
}

#[test]
fn unowned_jets_told_by_a_military_source_are_its_own() {
    let ev = assemble(
        "The IDF said rockets were fired from Lebanon at Shlomi on Tuesday. Fighter jets then struck a Hezbollah cell in the area of Maroun al-Ras, the military said.",
        Some("2024-01-10"),
    );
    let e = at(&ev, "Maroun al-Ras");
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Israel"));
    assert_eq!(e.actor2.as_deref(), Some("Hezbollah"));
    let ev = assemble(
        "The IDF said an aircraft later struck the cell near Ramyeh on Tuesday.",
        Some("2024-01-10"),
    );
    assert_eq!(
        at(&ev, "Ramyeh").actor1.as_deref(),
        Some("Military Forces of Israel")
    );
}

#[test]
fn a_region_named_with_the_line_is_sought_in_the_reports_countries() {
    // GeoNames lists "Kashmir" as an alias of Cashmere, Washington.
    let events = assemble(
        "SRINAGAR, June 20 (PTI) - Pakistani troops violated the ceasefire in Uri on Friday, \
         the army said. Two infiltrators were killed along the LoC in Kashmir on Friday.",
        Some("2020-06-20"),
    );
    assert!(
        events.iter().all(|e| e
            .location
            .as_ref()
            .is_some_and(|l| l.country.as_deref() != Some("US"))),
        "{events:#?}"
    );
    assert_eq!(
        at(&events, "Uri").actor1.as_deref(),
        Some("Military Forces of Pakistan")
    );
}

#[test]
fn a_province_before_village_words_is_the_region_of_the_villages() {
    let events = assemble(
        "YEREVAN, November 3. Azerbaijani forces fired at houses in the Syunik villages of \
         Khnatsakh and Tegh on Tuesday night, the Human Rights Defender said. Separately, \
         Azerbaijani troops fired at the Tavush border village of Movses, damaging a barn.",
        Some("2021-11-03"),
    );
    let mut places: Vec<&str> = events
        .iter()
        .filter_map(|e| e.location.as_ref().map(|l| l.name.as_str()))
        .collect();
    places.sort();
    assert_eq!(places, ["Khnatsakh", "Movses", "Tegh"], "{events:#?}");
    assert_eq!(
        at(&events, "Khnatsakh")
            .location
            .as_ref()
            .unwrap()
            .country
            .as_deref(),
        Some("AM")
    );
}

#[test]
fn a_list_after_a_lead_ending_in_a_colon_tells_the_lead_s_act_at_each_place() {
    let text = "Batken officials list damage\n\n\
                Bishkek, 15.09.2022 (Kabar) - As a result of shelling by the Tajik side on \
                September 14, the following damage has been recorded in Batken region, the \
                regional administration reports:\n\
                Kok-Tash village: 3 houses damaged, one resident wounded;\n\
                Maksat village (Leilek district): a barn and the school were hit;\n\
                Ak-Sai village: a shop burned down.\n\n\
                Commissions are assessing the damage.";
    // The cleaner dates the report by its wire dateline.
    let events = assemble(text, Some("2022-09-15"));
    for place in ["Kok-Tash", "Maksat", "Ak-Sai"] {
        let e = at(&events, place);
        assert_eq!(e.sub_event_type, SubEventType::Shelling, "{place}");
        assert_eq!(e.date.unwrap().to_string(), "2022-09-14", "{place}");
    }
    assert_eq!(at(&events, "Kok-Tash").injuries, 1);
    // The district in brackets is Maksat's region, not an event of its own.
    assert!(
        events.iter().all(|e| e
            .location
            .as_ref()
            .is_none_or(|l| !l.name.starts_with("Leilek"))),
        "{events:#?}"
    );
}

#[test]
fn a_running_total_is_no_figure_of_the_event_before_it() {
    let events = assemble(
        "An anti-tank missile struck a house in Metula this evening, wounding a man. On the \
         Lebanese side, more than 200 people have been killed, according to a news agency tally.",
        Some("2024-02-20"),
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!((events[0].fatalities, events[0].injuries), (0, 1));
    let events = assemble(
        "Shelling hit a house in Batken on Friday, wounding a child. In total, 19 citizens have \
         died and 70 have been injured as a result of the aggression, the health ministry said.",
        Some("2022-09-17"),
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!((events[0].fatalities, events[0].injuries), (0, 1));
}

#[test]
fn a_byline_s_day_is_when_the_report_was_written_not_its_main_day() {
    let text = "Shootout near Tegh leaves soldiers wounded\n\
                Anna Petrosyan Apr 12, 2023\n\
                A firefight near the village of Tegh on April 11 left soldiers wounded on both \
                sides, officials said.\n\
                Armenia's defense ministry said two of its servicemen were wounded when \
                Azerbaijani troops opened fire on soldiers near Tegh.";
    let events = assemble(text, Some("2023-04-12"));
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].date.unwrap().to_string(), "2023-04-11");
    assert_eq!(events[0].injuries, 2);
}

#[test]
fn a_partisan_name_for_a_state_s_forces_is_those_forces() {
    for (text, place) in [
        (
            "The Israeli enemy's artillery shelled the outskirts of Kfarchouba on Tuesday.",
            "Kfarchouba",
        ),
        (
            "Zionist warplanes launched two raids on the outskirts of Naqoura on Tuesday.",
            "Naqoura",
        ),
        (
            "The Israeli enemy targeted a house in Houla on Tuesday, wounding two people.",
            "Houla",
        ),
    ] {
        let events = assemble(text, Some("2024-01-17"));
        assert_eq!(
            at(&events, place).actor1.as_deref(),
            Some("Military Forces of Israel"),
            "{text}"
        );
    }
}

#[test]
fn the_enemy_of_a_one_sided_statement_is_the_state_across_the_line() {
    let events = assemble(
        "The enemy shelled our positions near Kut on Tuesday, the Armenian defence ministry said.",
        Some("2024-01-17"),
    );
    let e = at(&events, "Kut");
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Azerbaijan"));
    assert_eq!(e.actor2.as_deref(), Some("Military Forces of Armenia"));
}
