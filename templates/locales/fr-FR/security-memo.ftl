# Note de validation sécurité (security-memo). Référence : templates/locales/en-US/security-memo.ftl. La décision elle-même (GO, NO-GO) est le texte de l’évaluateur et s’imprime telle quelle.

## Letterhead and memo header.
security_memo_letterhead = Note
security_memo_number = N°
security_memo_date = Date
security_memo_to = À
security_memo_from = De
security_memo_re = Objet
security_memo_ref = Réf.
security_memo_md_to = À :
security_memo_md_from = De :
security_memo_md_date = Date :
security_memo_md_re = Objet :
security_memo_md_ref = Réf. :
security_memo_review = Revue de sécurité
security_memo_reviewer_role = revue de sécurité
security_memo_subject = Validation sécurité : { $scope }

## The decision.
security_memo_decision = Décision
security_memo_decision_heading = Décision : { $decision }
security_memo_meaning_go = Mise en service autorisée dans le périmètre examiné.
security_memo_meaning_conditional_one = Mise en service autorisée dans le périmètre examiné, dès que la condition ci-dessous sera remplie.
security_memo_meaning_conditional_other = Mise en service autorisée dans le périmètre examiné, dès que les conditions ci-dessous seront remplies.
security_memo_meaning_nogo = Mise en service non autorisée.
security_memo_condition = Condition
security_memo_conditions = Conditions
security_memo_conditions_intro = Conditions :
security_memo_no_conditions = Aucune condition.

## Scope.
security_memo_scope = Périmètre de la revue
security_memo_reviewed = Examiné
security_memo_not_reviewed = Non examiné
security_memo_md_reviewed = Examiné :
security_memo_md_not_reviewed = Non examiné :
security_memo_nothing_excluded = Aucune exclusion.
security_memo_scope_note = Cette validation ne couvre que le périmètre examiné. Tout élément hors de ce périmètre nécessite une revue distincte.

## Risk register.
security_memo_risks = Registre des risques
security_memo_no_risks = Aucun risque enregistré.
security_memo_col_id = ID
security_memo_col_risk = Risque
security_memo_col_owner = Responsable
security_memo_col_status = Statut
security_memo_risk_open = ouvert
security_memo_risk_closed = clos
security_memo_risk_resolved = résolu
security_memo_risk_accepted = accepté
security_memo_risk_mitigated = atténué
security_memo_risk_mitigating = en cours d’atténuation
security_memo_risk_in_progress = en cours

## Signoff.
security_memo_signoff = Visa de l’évaluateur
security_memo_reviewer = Évaluateur sécurité
security_memo_signoff_role = Revue de sécurité, { $provider }
