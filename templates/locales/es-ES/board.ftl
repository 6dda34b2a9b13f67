# Panel de estado (output/index.html y el index.html de cada proyecto), en el idioma de sus
# lectores: `[board] locale` en rules.toml, en-US si no se indica. Los documentos listados
# conservan el idioma de su proyecto. Estados de factura y tramos de antigüedad: statement.ftl.
# Referencia: templates/locales/en-US/board.ftl.

## Palabras de ambas páginas.
board_final = final
board_draft = borrador
board_blocked = bloqueado
board_not_started = sin empezar
board_none = ninguno
board_none_sentence = Ninguno.
board_engagement = Proyecto
board_client = Cliente
board_stage = Fase
board_owner = Responsable
board_document = Documento
board_ask = Contacto
board_owed = Importes pendientes
board_next = Siguiente paso

## La cartera (output/index.html).
board_title = docket: proyectos
board_engagements = Proyectos
board_needs_script = Esta página necesita JavaScript para mostrar los proyectos; la página propia de cada proyecto (el index.html de su carpeta) funciona sin él.
board_find = Filtros
board_search = Buscar
board_search_placeholder = proyecto, cliente, responsable, aprobación
board_all_clients = Todos los clientes
board_all_stages = Todas las fases
board_decision = Decisión
board_any_decision = Cualquier decisión
board_has_blocked = con algo bloqueado
board_has_draft = con un borrador
board_has_final = con un documento final
board_has_not_started = con fases sin empezar
board_all_owners = Todos los responsables
board_portfolio = Cartera
board_portfolio_caption = Una fila por proyecto y una columna por fase del ciclo de vida y por la aprobación de seguridad: ✓ final, ✎ borrador, ✕ bloqueado, borde discontinuo: sin empezar.
board_waiting_on = En espera
board_waiting_caption = Cada documento en borrador o bloqueado, con lo que espera y a quién preguntar, del más antiguo al más reciente.
board_since = Desde
board_days = Días
board_waits_for = Espera
# La línea sobre la cartera; la página actualiza las cifras al cambiar los filtros.
board_counts = { $shown } de { $total } proyectos; documentos finales: { $final }, en borrador: { $draft }, bloqueados: { $blocked }
board_nothing_owed = No hay importes pendientes: todas las facturas emitidas están pagadas o rectificadas.
board_owed_caption = { $open } pendiente, { $overdue } vencido, en { $count ->
    [one] un proyecto
   *[other] { $count } proyectos
}
board_aging_of = Antigüedad de los importes pendientes en { $currency }
# El importe pendiente de una fila, con la parte vencida.
board_owed_past_due = { $open } ({ $overdue } vencido hace { $days ->
    [one] un día
   *[other] { $days } días
})
board_document_locale = Idioma de los documentos: { $locale }

## La página de un proyecto.
board_all_engagements = Todos los proyectos
board_lifecycle_stage = Fase del ciclo de vida
board_next_owner = responsable: { $owner }
board_warning = Aviso:
board_blockers = Bloqueos
board_holds_up = Afecta a
board_blocker = Bloqueo
board_invoices = Facturas
board_invoice = Factura
board_state = Estado
board_issued = Emitida
board_due = Vencimiento
board_days_overdue = Días de retraso
board_amount = Importe
board_paid = Pagado
board_credited = Rectificado
board_open = Pendiente
board_reminders_sent = Recordatorios enviados
board_no_invoice = Aún no se ha emitido ninguna factura.
board_stages = Fases
board_where_it_stands = Situación
board_gate_before_next = Aprobación antes de la siguiente fase
board_current = (actual)
board_documents = Documentos
board_page_one_of = Página 1 de { $title }
board_approvals = Aprobaciones
board_gate = Punto de aprobación
board_counts_as = Cuenta como
board_recorded = Registrada
board_approver = Aprobado por
board_permits = Permite
board_evidence = Justificante
board_scope = Alcance
board_note = Nota
board_none_named = nadie designado
board_tracks = Líneas de trabajo
board_track = Línea de trabajo
board_status = Estado
board_open_questions = Preguntas abiertas
board_question_tbd = { $field } está pendiente (TBD)

## Signed approvals and requests.
board_unverified = Las aprobaciones no están verificadas: las reglas de esta carpeta aceptan un aprobador nombrado y una prueba sin comprobarlos (trust = "evidence"). Firme las aprobaciones para verificarlas.
board_signed_by = firmado por
board_attesting = dando fe
board_requests = Solicitudes
board_requests_intro = Solicitadas, no aprobadas: cada una cuenta cuando la firma una persona que puede concederla.
board_asks_for = Solicita
board_asked_by = Solicitado por
board_why = Motivo
board_can_grant = Puede conceder
board_they_run = Orden
board_nobody = nadie en la lista
