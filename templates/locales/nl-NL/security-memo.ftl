# Memo beveiligingsgoedkeuring (security-memo). Referentie: templates/locales/en-US/security-memo.ftl. Het besluit zelf (GO, NO-GO) is tekst van de beoordelaar en wordt afgedrukt zoals geschreven.

## Letterhead and memo header.
security_memo_letterhead = Memo
security_memo_number = Memonr.
security_memo_date = Datum
security_memo_to = Aan
security_memo_from = Van
security_memo_re = Betreft
security_memo_ref = Kenmerk
security_memo_md_to = Aan:
security_memo_md_from = Van:
security_memo_md_date = Datum:
security_memo_md_re = Betreft:
security_memo_md_ref = Kenmerk:
security_memo_review = Beveiligingsreview
security_memo_reviewer_role = beveiligingsreview
security_memo_subject = Beveiligingsgoedkeuring: { $scope }

## The decision.
security_memo_decision = Besluit
security_memo_decision_heading = Besluit: { $decision }
security_memo_meaning_go = Vrijgegeven voor livegang binnen de beoordeelde scope.
security_memo_meaning_conditional_one = Vrijgegeven voor livegang binnen de beoordeelde scope zodra aan de onderstaande voorwaarde is voldaan.
security_memo_meaning_conditional_other = Vrijgegeven voor livegang binnen de beoordeelde scope zodra aan de onderstaande voorwaarden is voldaan.
security_memo_meaning_nogo = Niet vrijgegeven voor livegang.
security_memo_condition = Voorwaarde
security_memo_conditions = Voorwaarden
security_memo_conditions_intro = Voorwaarden:
security_memo_no_conditions = Geen voorwaarden verbonden.

## Scope.
security_memo_scope = Scope van de review
security_memo_reviewed = Beoordeeld
security_memo_not_reviewed = Niet beoordeeld
security_memo_md_reviewed = Beoordeeld:
security_memo_md_not_reviewed = Niet beoordeeld:
security_memo_nothing_excluded = Niets uitgesloten.
security_memo_scope_note = Deze goedkeuring geldt alleen voor de beoordeelde scope. Alles daarbuiten vereist een eigen review.

## Risk register.
security_memo_risks = Risicoregister
security_memo_no_risks = Geen risico’s vastgelegd.
security_memo_col_id = ID
security_memo_col_risk = Risico
security_memo_col_owner = Eigenaar
security_memo_col_status = Status
security_memo_risk_open = open
security_memo_risk_closed = gesloten
security_memo_risk_resolved = opgelost
security_memo_risk_accepted = geaccepteerd
security_memo_risk_mitigated = gemitigeerd
security_memo_risk_mitigating = in mitigatie
security_memo_risk_in_progress = in behandeling

## Signoff.
security_memo_signoff = Ondertekening beoordelaar
security_memo_reviewer = Beveiligingsbeoordelaar
security_memo_signoff_role = Beveiligingsreview, { $provider }
