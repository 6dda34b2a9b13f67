# Checkliste zur Einführungsbereitschaft (launch-checklist). Referenz: templates/locales/en-US/launch-checklist.ftl.

## Briefkopf.
launch_checklist_letterhead = Go-live-Checkliste
launch_checklist_number = Checklisten-Nr.
launch_checklist_ref = Referenz
launch_checklist_date = Datum

## Für wen, und der Fortschritt.
launch_checklist_prepared_for = Erstellt für
launch_checklist_launch_of = Einführung von { $workflow }
launch_checklist_prepared_by = Erstellt von { $name }
launch_checklist_intro = Erstellt für { $client }: Einführung von { $workflow }.
launch_checklist_prepared_by_sentence = Erstellt von { $name }.
launch_checklist_progress = Fortschritt
launch_checklist_progress_done = { $done } von { $total } erledigt

## Was der Einführung im Weg steht.
launch_checklist_what_blocks = Was der Einführung im Weg steht
launch_checklist_nothing_blocks = Der Einführung steht nichts im Weg
launch_checklist_all_done = Alle Punkte dieser Checkliste sind erledigt.
launch_checklist_nothing_blocks_line = Der Einführung steht nichts im Weg: Alle Punkte dieser Checkliste sind erledigt.
launch_checklist_pending_one = { $count } Punkt ist nicht erledigt
launch_checklist_pending_other = { $count } Punkte sind nicht erledigt
launch_checklist_pending_of_one = { $pending } von { $total } Punkten ist nicht erledigt:
launch_checklist_pending_of_other = { $pending } von { $total } Punkten sind nicht erledigt:
launch_checklist_status_is = Status: { $status }
launch_checklist_owner_is = Verantwortlich: { $owner }
launch_checklist_pending_detail = ({ $status }; verantwortlich: { $owner })
launch_checklist_pending_detail_note = ({ $status }; verantwortlich: { $owner }): { $note }

## Die Checkliste.
launch_checklist_checklist = Checkliste
launch_checklist_no_items = Keine Punkte erfasst.
launch_checklist_col_status = Status
launch_checklist_col_item = Punkt
launch_checklist_col_owner = Verantwortlich
launch_checklist_col_note = Anmerkung
launch_checklist_status_done = erledigt
launch_checklist_status_open = offen
launch_checklist_status_conditional = unter Vorbehalt
launch_checklist_status_blocked = blockiert

## Parallele Arbeitsstränge.
launch_checklist_tracks = Parallele Arbeitsstränge
launch_checklist_tracks_intro = Die Einführung hängt auch von den übrigen laufenden Arbeiten im Projekt ab.
launch_checklist_col_track = Arbeitsstrang
launch_checklist_col_blocker = Hindernis
launch_checklist_no_blocker = Keines
launch_checklist_track_active = aktiv
launch_checklist_track_blocked = blockiert
launch_checklist_track_draft_only = nur Entwürfe
launch_checklist_track_done = abgeschlossen

## Schlusssatz.
launch_checklist_closing = Die Einführung erfolgt erst, wenn alle Punkte erledigt sind und die Sicherheitsfreigabe für die Einführung vorliegt.
