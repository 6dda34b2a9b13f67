# Lista de comprobación de lanzamiento (launch-checklist). Referencia: templates/locales/en-US/launch-checklist.ftl.

## Membrete.
launch_checklist_letterhead = Lista de control
launch_checklist_number = N.º
launch_checklist_ref = Ref.
launch_checklist_date = Fecha

## Para quién, y el avance.
launch_checklist_prepared_for = Preparado para
launch_checklist_launch_of = Lanzamiento de { $workflow }
launch_checklist_prepared_by = Elaborado por { $name }
launch_checklist_intro = Preparado para { $client }: lanzamiento de { $workflow }.
launch_checklist_prepared_by_sentence = Elaborado por { $name }.
launch_checklist_progress = Avance
launch_checklist_progress_done = { $done } de { $total } completados

## Qué impide el lanzamiento.
launch_checklist_what_blocks = Qué impide el lanzamiento
launch_checklist_nothing_blocks = Nada impide el lanzamiento
launch_checklist_all_done = Todos los puntos de esta lista están completados.
launch_checklist_nothing_blocks_line = Nada impide el lanzamiento: todos los puntos de esta lista están completados.
launch_checklist_pending_one = { $count } punto no está completado
launch_checklist_pending_other = { $count } puntos no están completados
launch_checklist_pending_of_one = { $pending } de { $total } puntos no está completado:
launch_checklist_pending_of_other = { $pending } de { $total } puntos no están completados:
launch_checklist_status_is = Estado: { $status }
launch_checklist_owner_is = Responsable: { $owner }
launch_checklist_pending_detail = ({ $status }; responsable: { $owner })
launch_checklist_pending_detail_note = ({ $status }; responsable: { $owner }): { $note }

## La lista.
launch_checklist_checklist = Lista de comprobación
launch_checklist_no_items = No hay puntos registrados.
launch_checklist_col_status = Estado
launch_checklist_col_item = Punto
launch_checklist_col_owner = Responsable
launch_checklist_col_note = Nota
launch_checklist_status_done = completado
launch_checklist_status_open = abierto
launch_checklist_status_conditional = condicionado
launch_checklist_status_blocked = bloqueado

## Líneas de trabajo paralelas.
launch_checklist_tracks = Líneas de trabajo paralelas
launch_checklist_tracks_intro = El lanzamiento depende también del resto de trabajos en curso del proyecto.
launch_checklist_col_track = Línea de trabajo
launch_checklist_col_blocker = Impedimento
launch_checklist_no_blocker = Ninguno
launch_checklist_track_active = activa
launch_checklist_track_blocked = bloqueada
launch_checklist_track_draft_only = solo borradores
launch_checklist_track_done = finalizada

## Frase final.
launch_checklist_closing = El lanzamiento solo se produce cuando todos los puntos están completados y seguridad ha aprobado el lanzamiento.
