use super::*;
use crate::model::RequestStatus::*;

#[test]
fn the_way_through_a_case() {
    let mut status = Submitted;
    for action in [
        CaseAction::Take,
        CaseAction::Ask,
        CaseAction::Answer,
        CaseAction::Ask,
        CaseAction::Answer,
        CaseAction::Approve,
    ] {
        status = action.apply(status).expect("allowed");
    }
    assert_eq!(status, Approved);
    assert_eq!(
        CaseAction::Refuse.apply(CaseAction::Take.apply(Submitted).unwrap()),
        Some(Refused)
    );
}

#[test]
fn no_status_is_skipped() {
    // A decision needs the case taken (in review, or waiting for an answer that may never
    // come): not a draft, not just submitted, not decided already.
    assert_eq!(CaseAction::Refuse.apply(Waiting), Some(Refused));
    for from in [Draft, Submitted, Approved, Refused] {
        assert_eq!(
            CaseAction::Approve.apply(from),
            None,
            "approve from {from:?}"
        );
        assert_eq!(CaseAction::Refuse.apply(from), None, "refuse from {from:?}");
    }
    for from in [Draft, Submitted, Waiting, Approved, Refused] {
        assert_eq!(CaseAction::Ask.apply(from), None, "ask from {from:?}");
    }
    for from in [Draft, Submitted, InReview, Approved, Refused] {
        assert_eq!(CaseAction::Answer.apply(from), None, "answer from {from:?}");
    }
    for from in [Draft, Approved, Refused] {
        assert_eq!(CaseAction::Take.apply(from), None, "take from {from:?}");
    }
}

#[test]
fn taking_over_keeps_a_case_waiting_for_its_applicant() {
    assert_eq!(CaseAction::Take.apply(Waiting), Some(Waiting));
    assert_eq!(CaseAction::Take.apply(InReview), Some(InReview));
    assert_eq!(CaseAction::Take.apply(Submitted), Some(InReview));
}

#[test]
fn every_allowed_start_gives_a_status_and_only_those() {
    for action in CaseAction::ALL {
        for from in RequestStatus::ALL {
            assert_eq!(
                action.apply(from).is_some(),
                action.allowed_from().contains(&from),
                "{action:?} from {from:?}"
            );
        }
    }
}

#[test]
fn decided_cases_stay_decided() {
    for action in CaseAction::ALL {
        assert_eq!(action.apply(Approved), None);
        assert_eq!(action.apply(Refused), None);
    }
}

#[test]
fn every_status_action_message_and_sort_has_words_in_three_languages() {
    use crate::i18n::{catalog::has_message, Locale};
    let mut ids: Vec<String> = RequestStatus::ALL.iter().map(|s| s.message_id()).collect();
    ids.extend(AuditAction::ALL.iter().map(|a| a.message_id()));
    ids.extend(MessageKind::ALL.iter().map(|k| k.subject_id()));
    ids.extend(CaseSort::ALL.iter().map(|s| s.message_id()));
    for locale in Locale::ALL {
        for id in &ids {
            assert!(has_message(locale, id), "{}: {id}", locale.code());
        }
    }
}

#[test]
fn stored_codes_read_back() {
    for action in AuditAction::ALL {
        assert_eq!(AuditAction::from_code(action.code()), Some(action));
    }
    for kind in MessageKind::ALL {
        assert_eq!(MessageKind::from_code(kind.code()), Some(kind));
    }
    for status in RequestStatus::ALL {
        assert_eq!(RequestStatus::from_code(status.code()), Some(status));
    }
}
