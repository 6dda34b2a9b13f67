# Checklist di avvio (launch-checklist). Riferimento: templates/locales/en-US/launch-checklist.ftl.

## Intestazione.
launch_checklist_letterhead = Checklist di avvio
launch_checklist_number = N. checklist
launch_checklist_ref = Rif.
launch_checklist_date = Data

## Per chi, e l’avanzamento.
launch_checklist_prepared_for = Preparato per
launch_checklist_launch_of = Avvio di { $workflow }
launch_checklist_prepared_by = Redatto da { $name }
launch_checklist_intro = Preparato per { $client }: avvio di { $workflow }.
launch_checklist_prepared_by_sentence = Redatto da { $name }.
launch_checklist_progress = Avanzamento
launch_checklist_progress_done = { $done } di { $total } completate

## Cosa impedisce l’avvio.
launch_checklist_what_blocks = Cosa impedisce l’avvio
launch_checklist_nothing_blocks = Nulla impedisce l’avvio
launch_checklist_all_done = Tutte le voci di questa checklist sono completate.
launch_checklist_nothing_blocks_line = Nulla impedisce l’avvio: tutte le voci di questa checklist sono completate.
launch_checklist_pending_one = { $count } voce non è completata
launch_checklist_pending_other = { $count } voci non sono completate
launch_checklist_pending_of_one = { $pending } voce su { $total } non è completata:
launch_checklist_pending_of_other = { $pending } voci su { $total } non sono completate:
launch_checklist_status_is = Stato: { $status }
launch_checklist_owner_is = Responsabile: { $owner }
launch_checklist_pending_detail = ({ $status }; responsabile: { $owner })
launch_checklist_pending_detail_note = ({ $status }; responsabile: { $owner }): { $note }

## La checklist.
launch_checklist_checklist = Checklist
launch_checklist_no_items = Nessuna voce registrata.
launch_checklist_col_status = Stato
launch_checklist_col_item = Voce
launch_checklist_col_owner = Responsabile
launch_checklist_col_note = Nota
launch_checklist_status_done = completata
launch_checklist_status_open = aperta
launch_checklist_status_conditional = condizionata
launch_checklist_status_blocked = bloccata

## Attività parallele.
launch_checklist_tracks = Attività parallele
launch_checklist_tracks_intro = L’avvio dipende anche dalle altre attività in corso nell’ambito dell’incarico.
launch_checklist_col_track = Attività
launch_checklist_col_blocker = Ostacolo
launch_checklist_no_blocker = Nessuno
launch_checklist_track_active = in corso
launch_checklist_track_blocked = bloccata
launch_checklist_track_draft_only = solo bozze
launch_checklist_track_done = completata

## Frase finale.
launch_checklist_closing = L’avvio avviene solo quando tutte le voci sono completate e la sicurezza ha approvato l’avvio.
