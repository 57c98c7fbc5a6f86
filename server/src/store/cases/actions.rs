//! What moves a case: take, ask, answer, approve, refuse. Each runs in one transaction that
//! first takes the request's write lock, checks the move against `CaseAction::apply` (the one
//! place the rules are written), moves it, writes the message for the other side and the audit
//! row. Two agents acting at once are served one after the other: the second finds the status
//! changed and gets `WrongStatus`.

use app::api::backend::StoreError;
use app::model::case::{AuditAction, CaseAction, Direction, MessageKind};
use app::model::{BusinessId, PersonId, RequestId};
use app::model::{Procedure, ProcedureRequest, RequestStatus};
use sqlx::{Any, Row, Transaction};

use super::client_numbers::{client_number_in_use, issue_client_number};
use super::SqlCaseStore;
use crate::clock::now_rfc3339;
use crate::store::audit::{self, Event};
use crate::store::espaces::is_certified;
use crate::store::requests::{insert_document, NewDocument};
use crate::store::{corrupt, failed};

/// What an agent decides on a case in review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Approve,
    Refuse { reason: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseOutcome {
    Done,
    /// No submitted request with this id (drafts are nobody's case).
    NotFound,
    /// The action is not allowed from the case's status (now: someone else may just have
    /// moved it).
    WrongStatus,
    /// Procedure A: another eSpace is certified, or approved, with this client number.
    ClientNumberTaken,
}

/// The applicant's answer to a question: words, a file, or both.
pub struct Answer {
    pub text: String,
    pub document: Option<NewDocument>,
}

struct Moved {
    business_id: BusinessId,
    procedure: Procedure,
    from: RequestStatus,
}

/// Takes the request's lock, then moves it by `action` if its status allows.
async fn advance(
    tx: &mut Transaction<'_, Any>,
    request_id: &RequestId,
    action: CaseAction,
    now: &str,
) -> Result<Result<Moved, CaseOutcome>, StoreError> {
    // A write first: on SQLite it takes the database's write lock before anything is read, so
    // two transactions cannot both read the old status; on PostgreSQL it locks the row.
    let touched =
        sqlx::query("UPDATE requests SET updated_at = $1 WHERE id = $2 AND reference IS NOT NULL")
            .bind(now)
            .bind(request_id.as_str())
            .execute(&mut **tx)
            .await
            .map_err(failed)?
            .rows_affected();
    if touched != 1 {
        return Ok(Err(CaseOutcome::NotFound));
    }
    let row = sqlx::query("SELECT business_id, procedure_kind, status FROM requests WHERE id = $1")
        .bind(request_id.as_str())
        .fetch_one(&mut **tx)
        .await
        .map_err(failed)?;
    let status: String = row.get("status");
    let procedure: String = row.get("procedure_kind");
    let from = RequestStatus::from_code(&status).ok_or_else(|| corrupt("status", &status))?;
    let Some(to) = action.apply(from) else {
        return Ok(Err(CaseOutcome::WrongStatus));
    };
    sqlx::query("UPDATE requests SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to.code())
        .bind(request_id.as_str())
        .bind(from.code())
        .execute(&mut **tx)
        .await
        .map_err(failed)?;
    Ok(Ok(Moved {
        business_id: BusinessId::new(row.get::<String, _>("business_id")),
        procedure: Procedure::from_code(&procedure)
            .ok_or_else(|| corrupt("procedure", &procedure))?,
        from,
    }))
}

struct NewMessage<'a> {
    request_id: &'a RequestId,
    business_id: &'a BusinessId,
    direction: Direction,
    kind: MessageKind,
    body: Option<&'a str>,
    author_id: &'a PersonId,
}

async fn post_message(
    tx: &mut Transaction<'_, Any>,
    message: NewMessage<'_>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO request_messages (id, request_id, business_id, direction, kind, body,
             author_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(message.request_id.as_str())
    .bind(message.business_id.as_str())
    .bind(message.direction.code())
    .bind(message.kind.code())
    .bind(message.body)
    .bind(message.author_id.as_str())
    // To the microsecond: two messages of the same second (taken, then asked) keep their order.
    .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .execute(&mut **tx)
    .await
    .map_err(failed)?;
    Ok(())
}

impl SqlCaseStore {
    /// The agent takes the case (from the queue, or over from another agent).
    pub async fn take(
        &self,
        agent_id: &PersonId,
        request_id: &RequestId,
    ) -> Result<CaseOutcome, StoreError> {
        let now = now_rfc3339();
        let mut tx = self.db.begin().await.map_err(failed)?;
        let moved = match advance(&mut tx, request_id, CaseAction::Take, &now).await? {
            Ok(moved) => moved,
            Err(outcome) => return Ok(outcome),
        };
        sqlx::query("UPDATE requests SET assigned_to = $1, assigned_at = $2 WHERE id = $3")
            .bind(agent_id.as_str())
            .bind(&now)
            .bind(request_id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(failed)?;
        let first = moved.from == RequestStatus::Submitted;
        if first {
            post_message(
                &mut tx,
                NewMessage {
                    request_id,
                    business_id: &moved.business_id,
                    direction: Direction::ToApplicant,
                    kind: MessageKind::InReview,
                    body: None,
                    author_id: agent_id,
                },
            )
            .await?;
        }
        audit::record(
            &mut *tx,
            Event::agent(agent_id, AuditAction::CaseTaken)
                .on(&moved.business_id, request_id)
                .detail(moved.from.code()),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        if first {
            self.notifier.new_message(&moved.business_id);
        }
        Ok(CaseOutcome::Done)
    }

    /// The agent asks the applicant for information or documents; the case waits.
    pub async fn ask(
        &self,
        agent_id: &PersonId,
        request_id: &RequestId,
        question: &str,
    ) -> Result<CaseOutcome, StoreError> {
        let now = now_rfc3339();
        let mut tx = self.db.begin().await.map_err(failed)?;
        let moved = match advance(&mut tx, request_id, CaseAction::Ask, &now).await? {
            Ok(moved) => moved,
            Err(outcome) => return Ok(outcome),
        };
        post_message(
            &mut tx,
            NewMessage {
                request_id,
                business_id: &moved.business_id,
                direction: Direction::ToApplicant,
                kind: MessageKind::Question,
                body: Some(question),
                author_id: agent_id,
            },
        )
        .await?;
        audit::record(
            &mut *tx,
            Event::agent(agent_id, AuditAction::InformationRequested)
                .on(&moved.business_id, request_id),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        self.notifier.new_message(&moved.business_id);
        Ok(CaseOutcome::Done)
    }

    /// The applicant answers the open question (a member of the request's eSpace: the caller
    /// found `request` through the membership); the case goes back to review.
    pub async fn answer(
        &self,
        person_id: &PersonId,
        request: &ProcedureRequest,
        answer: &Answer,
    ) -> Result<CaseOutcome, StoreError> {
        let now = now_rfc3339();
        let mut tx = self.db.begin().await.map_err(failed)?;
        let moved = match advance(&mut tx, &request.id, CaseAction::Answer, &now).await? {
            Ok(moved) => moved,
            Err(outcome) => return Ok(outcome),
        };
        let text = answer.text.trim();
        post_message(
            &mut tx,
            NewMessage {
                request_id: &request.id,
                business_id: &moved.business_id,
                direction: Direction::FromApplicant,
                kind: MessageKind::Answer,
                body: (!text.is_empty()).then_some(text),
                author_id: person_id,
            },
        )
        .await?;
        audit::record(
            &mut *tx,
            Event::applicant(person_id, AuditAction::ApplicantAnswered)
                .on(&moved.business_id, &request.id),
        )
        .await?;
        if let Some(document) = &answer.document {
            let id = insert_document(&mut tx, person_id, &request.id, document).await?;
            audit::record(
                &mut *tx,
                Event::applicant(person_id, AuditAction::DocumentAdded)
                    .on(&moved.business_id, &request.id)
                    .detail(id),
            )
            .await?;
        }
        tx.commit().await.map_err(failed)?;
        Ok(CaseOutcome::Done)
    }

    /// Approves or refuses a case in review. Approving a connection request (B) issues its
    /// ALARMIS client number; approving a certification (A) opens the way to the letter.
    pub async fn decide(
        &self,
        agent_id: &PersonId,
        request_id: &RequestId,
        verdict: &Verdict,
    ) -> Result<CaseOutcome, StoreError> {
        let Some(request) = self.submitted_request(request_id).await? else {
            return Ok(CaseOutcome::NotFound);
        };
        if verdict == &Verdict::Approve
            && request.procedure == Procedure::Certification
            && is_certified(&self.db, &request.business_id).await?
        {
            return Ok(CaseOutcome::WrongStatus);
        }
        let (action, kind, reason) = match verdict {
            Verdict::Approve => (CaseAction::Approve, MessageKind::Approved, None),
            Verdict::Refuse { reason } => (
                CaseAction::Refuse,
                MessageKind::Refused,
                Some(reason.trim()),
            ),
        };
        let now = now_rfc3339();
        let mut tx = self.db.begin().await.map_err(failed)?;
        let moved = match advance(&mut tx, request_id, action, &now).await? {
            Ok(moved) => moved,
            Err(outcome) => return Ok(outcome),
        };
        let client_number = match (action, moved.procedure) {
            (CaseAction::Approve, Procedure::Connection) => {
                Some(issue_client_number(&mut tx).await?)
            }
            // The number the existing client typed, held for this eSpace from now on: a second
            // eSpace asking with it is refused, and the sequence skips it.
            (CaseAction::Approve, Procedure::Certification) => {
                let number = request
                    .client_number()
                    .ok_or_else(|| {
                        StoreError::Inconsistent(format!("{request_id} has no client number"))
                    })?
                    .to_string();
                if client_number_in_use(&mut tx, &number, &moved.business_id).await? {
                    return Ok(CaseOutcome::ClientNumberTaken);
                }
                // Already held by one of this eSpace's requests (the portal issued it to its
                // connection request): held once is enough, and the unique index wants once.
                let held_here =
                    sqlx::query("SELECT 1 AS yes FROM requests WHERE client_number = $1")
                        .bind(&number)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(failed)?
                        .is_some();
                (!held_here).then_some(number)
            }
            _ => None,
        };
        sqlx::query(
            "UPDATE requests SET decided_at = $1, decided_by = $2, refusal_reason = $3,
                    client_number = $4
             WHERE id = $5",
        )
        .bind(&now)
        .bind(agent_id.as_str())
        .bind(reason)
        .bind(client_number.as_deref())
        .bind(request_id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        post_message(
            &mut tx,
            NewMessage {
                request_id,
                business_id: &moved.business_id,
                direction: Direction::ToApplicant,
                kind,
                body: reason,
                author_id: agent_id,
            },
        )
        .await?;
        let mut event = Event::agent(
            agent_id,
            match verdict {
                Verdict::Approve => AuditAction::Approved,
                Verdict::Refuse { .. } => AuditAction::Refused,
            },
        )
        .on(&moved.business_id, request_id);
        if let Some(number) = &client_number {
            event = event.detail(number.clone());
        }
        audit::record(&mut *tx, event).await?;
        tx.commit().await.map_err(failed)?;
        tracing::info!(request = %request_id, agent = %agent_id, decision = kind.code(), "case decided");
        crate::metrics::decided(
            request.procedure.code(),
            match verdict {
                Verdict::Approve => "approved",
                Verdict::Refuse { .. } => "refused",
            },
        );
        self.notifier.new_message(&moved.business_id);
        Ok(CaseOutcome::Done)
    }
}
