# Nota di approvazione sicurezza (security-memo). Riferimento: templates/locales/en-US/security-memo.ftl. La decisione stessa (GO, NO-GO) è testo del revisore e viene stampata così com’è.

## Letterhead and memo header.
security_memo_letterhead = Nota
security_memo_number = N.
security_memo_date = Data
security_memo_to = A
security_memo_from = Da
security_memo_re = Oggetto
security_memo_ref = Rif.
security_memo_md_to = A:
security_memo_md_from = Da:
security_memo_md_date = Data:
security_memo_md_re = Oggetto:
security_memo_md_ref = Rif.:
security_memo_review = Revisione di sicurezza
security_memo_reviewer_role = revisione di sicurezza
security_memo_subject = Approvazione di sicurezza: { $scope }

## The decision.
security_memo_decision = Decisione
security_memo_decision_heading = Decisione: { $decision }
security_memo_meaning_go = Avvio autorizzato nell’ambito esaminato.
security_memo_meaning_conditional_one = Avvio autorizzato nell’ambito esaminato una volta soddisfatta la condizione seguente.
security_memo_meaning_conditional_other = Avvio autorizzato nell’ambito esaminato una volta soddisfatte le condizioni seguenti.
security_memo_meaning_nogo = Avvio non autorizzato.
security_memo_condition = Condizione
security_memo_conditions = Condizioni
security_memo_conditions_intro = Condizioni:
security_memo_no_conditions = Nessuna condizione.

## Scope.
security_memo_scope = Ambito della revisione
security_memo_reviewed = Esaminato
security_memo_not_reviewed = Non esaminato
security_memo_md_reviewed = Esaminato:
security_memo_md_not_reviewed = Non esaminato:
security_memo_nothing_excluded = Nessuna esclusione.
security_memo_scope_note = La presente approvazione riguarda esclusivamente l’ambito esaminato. Quanto non compreso richiede una revisione specifica.

## Risk register.
security_memo_risks = Registro dei rischi
security_memo_no_risks = Nessun rischio registrato.
security_memo_col_id = ID
security_memo_col_risk = Rischio
security_memo_col_owner = Responsabile
security_memo_col_status = Stato
security_memo_risk_open = aperto
security_memo_risk_closed = chiuso
security_memo_risk_resolved = risolto
security_memo_risk_accepted = accettato
security_memo_risk_mitigated = mitigato
security_memo_risk_mitigating = in mitigazione
security_memo_risk_in_progress = in corso

## Signoff.
security_memo_signoff = Firma del revisore
security_memo_reviewer = Revisore di sicurezza
security_memo_signoff_role = Revisione di sicurezza, { $provider }
