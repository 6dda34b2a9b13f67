# Informe de aprobación de seguridad (security-memo). Referencia: templates/locales/en-US/security-memo.ftl. La decisión misma (GO, NO-GO) es texto del revisor y se imprime tal cual.

## Letterhead and memo header.
security_memo_letterhead = Memorando
security_memo_number = N.º
security_memo_date = Fecha
security_memo_to = Para
security_memo_from = De
security_memo_re = Asunto
security_memo_ref = Ref.
security_memo_md_to = Para:
security_memo_md_from = De:
security_memo_md_date = Fecha:
security_memo_md_re = Asunto:
security_memo_md_ref = Ref.:
security_memo_review = Revisión de seguridad
security_memo_reviewer_role = revisión de seguridad
security_memo_subject = Aprobación de seguridad: { $scope }

## The decision.
security_memo_decision = Decisión
security_memo_decision_heading = Decisión: { $decision }
security_memo_meaning_go = Lanzamiento autorizado dentro del alcance revisado.
security_memo_meaning_conditional_one = Lanzamiento autorizado dentro del alcance revisado una vez cumplida la condición siguiente.
security_memo_meaning_conditional_other = Lanzamiento autorizado dentro del alcance revisado una vez cumplidas las condiciones siguientes.
security_memo_meaning_nogo = Lanzamiento no autorizado.
security_memo_condition = Condición
security_memo_conditions = Condiciones
security_memo_conditions_intro = Condiciones:
security_memo_no_conditions = Sin condiciones.

## Scope.
security_memo_scope = Alcance de la revisión
security_memo_reviewed = Revisado
security_memo_not_reviewed = No revisado
security_memo_md_reviewed = Revisado:
security_memo_md_not_reviewed = No revisado:
security_memo_nothing_excluded = Sin exclusiones.
security_memo_scope_note = Esta aprobación cubre únicamente el alcance revisado. Todo lo que quede fuera de él requiere una revisión propia.

## Risk register.
security_memo_risks = Registro de riesgos
security_memo_no_risks = No hay riesgos registrados.
security_memo_col_id = ID
security_memo_col_risk = Riesgo
security_memo_col_owner = Responsable
security_memo_col_status = Estado
security_memo_risk_open = abierto
security_memo_risk_closed = cerrado
security_memo_risk_resolved = resuelto
security_memo_risk_accepted = aceptado
security_memo_risk_mitigated = mitigado
security_memo_risk_mitigating = en mitigación
security_memo_risk_in_progress = en curso

## Signoff.
security_memo_signoff = Firma del revisor
security_memo_reviewer = Revisor de seguridad
security_memo_signoff_role = Revisión de seguridad, { $provider }
