# Sicherheitsfreigabe (security-memo). Referenz: templates/locales/en-US/security-memo.ftl. Die Entscheidung selbst (GO, NO-GO) ist Text des Prüfers und erscheint wie geschrieben.

## Letterhead and memo header.
security_memo_letterhead = Memo
security_memo_number = Memo-Nr.
security_memo_date = Datum
security_memo_to = An
security_memo_from = Von
security_memo_re = Betreff
security_memo_ref = Referenz
security_memo_md_to = An:
security_memo_md_from = Von:
security_memo_md_date = Datum:
security_memo_md_re = Betreff:
security_memo_md_ref = Referenz:
security_memo_review = Sicherheitsprüfung
security_memo_reviewer_role = Sicherheitsprüfung
security_memo_subject = Sicherheitsfreigabe: { $scope }

## The decision.
security_memo_decision = Entscheidung
security_memo_decision_heading = Entscheidung: { $decision }
security_memo_meaning_go = Für die Einführung im geprüften Umfang freigegeben.
security_memo_meaning_conditional_one = Für die Einführung im geprüften Umfang freigegeben, sobald die folgende Auflage erfüllt ist.
security_memo_meaning_conditional_other = Für die Einführung im geprüften Umfang freigegeben, sobald die folgenden Auflagen erfüllt sind.
security_memo_meaning_nogo = Nicht für die Einführung freigegeben.
security_memo_condition = Auflage
security_memo_conditions = Auflagen
security_memo_conditions_intro = Auflagen:
security_memo_no_conditions = Keine Auflagen.

## Scope.
security_memo_scope = Umfang der Prüfung
security_memo_reviewed = Geprüft
security_memo_not_reviewed = Nicht geprüft
security_memo_md_reviewed = Geprüft:
security_memo_md_not_reviewed = Nicht geprüft:
security_memo_nothing_excluded = Keine Ausnahmen.
security_memo_scope_note = Diese Freigabe gilt nur für den geprüften Umfang. Alles darüber Hinausgehende erfordert eine eigene Prüfung.

## Risk register.
security_memo_risks = Risikoregister
security_memo_no_risks = Keine Risiken erfasst.
security_memo_col_id = ID
security_memo_col_risk = Risiko
security_memo_col_owner = Verantwortlich
security_memo_col_status = Status
security_memo_risk_open = offen
security_memo_risk_closed = geschlossen
security_memo_risk_resolved = behoben
security_memo_risk_accepted = akzeptiert
security_memo_risk_mitigated = gemindert
security_memo_risk_mitigating = in Minderung
security_memo_risk_in_progress = in Bearbeitung

## Signoff.
security_memo_signoff = Unterschrift des Prüfers
security_memo_reviewer = Sicherheitsprüfer
security_memo_signoff_role = Sicherheitsprüfung, { $provider }
