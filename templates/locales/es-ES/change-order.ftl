# La orden de cambio (templates/change-order.md, change-order.typ). Referencia: templates/locales/en-US/change-order.ftl.

## Encabezado y qué se modifica.
change_order_heading = Orden de cambio
change_order_number = N.º de orden de cambio
change_order_date = Fecha
change_order_requested_by = Solicitada por
change_order_client = Cliente
change_order_amends = Modifica
# Tras «Modifica» y «Añade» (el PDF pone la primera letra en mayúscula), y luego la clave del alcance.
change_order_signed_scope = el alcance firmado
change_order_adds = Añade
change_order_new_scope = un nuevo alcance
change_order_label_colon = { $label }:

## Los cambios y su impacto.
change_order_changes = Cambios respecto al alcance firmado
change_order_no_changes = No se indican cambios.
change_order_impact = Impacto
change_order_price_impact = Impacto en el precio
change_order_schedule_impact = Impacto en el calendario
change_order_to_be_agreed = Debe acordarse antes de que pueda aprobarse esta orden de cambio.

## Aprobaciones y preguntas abiertas.
change_order_approvals = Aprobaciones
change_order_approvals_missing = Aprobaciones pendientes
change_order_approved = aprobada
change_order_all_approved = Todas las aprobaciones están vigentes.
change_order_not_approved = Aún no aprobada.
change_order_still_missing = Faltan todavía:
change_order_open_questions = Preguntas abiertas

## Las líneas de trabajo de este alcance.
change_order_tracks = Líneas de trabajo de este alcance
change_order_track = Línea de trabajo
change_order_status = Estado
change_order_owner = Responsable
change_order_blocker = Bloqueo
change_order_no_blocker = Ninguno
change_order_prepared_by = Elaborada por { $name }.

## Aceptación.
change_order_acceptance = Aceptación
change_order_acceptance_text = Con su firma, el cliente acepta los cambios anteriores y su impacto como modificación del alcance firmado; hasta entonces, el alcance firmado se mantiene sin cambios.
change_order_accepted_for_client = Aceptado por el cliente
change_order_for_provider = Por el proveedor
change_order_party = Parte
change_order_signature = Firma
change_order_name_and_title = Nombre y cargo
change_order_signature_date = Fecha
change_order_signature_name_title = Firma · nombre y cargo

## A track's status as the data names it (`status = "draft-only"`); a status not listed
## here is printed as written.
change_order_status_active = activo
change_order_status_blocked = bloqueado
change_order_status_draft-only = solo borrador
change_order_status_done = terminado
