# Liste de contrôle de mise en service (launch-checklist). Référence : templates/locales/en-US/launch-checklist.ftl.

## En-tête.
launch_checklist_letterhead = Liste de contrôle
launch_checklist_number = N°
launch_checklist_ref = Réf.
launch_checklist_date = Date

## Pour qui, et l’avancement.
launch_checklist_prepared_for = Préparé pour
launch_checklist_launch_of = Mise en service de { $workflow }
launch_checklist_prepared_by = Préparé par { $name }
launch_checklist_intro = Préparé pour { $client } : mise en service de { $workflow }.
launch_checklist_prepared_by_sentence = Préparé par { $name }.
launch_checklist_progress = Avancement
launch_checklist_progress_done = { $done } sur { $total } terminés

## Ce qui bloque la mise en service.
launch_checklist_what_blocks = Ce qui bloque la mise en service
launch_checklist_nothing_blocks = Rien ne bloque la mise en service
launch_checklist_all_done = Tous les éléments de cette liste sont terminés.
launch_checklist_nothing_blocks_line = Rien ne bloque la mise en service : tous les éléments de cette liste sont terminés.
launch_checklist_pending_one = { $count } élément n’est pas terminé
launch_checklist_pending_other = { $count } éléments ne sont pas terminés
launch_checklist_pending_of_one = { $pending } élément sur { $total } n’est pas terminé :
launch_checklist_pending_of_other = { $pending } éléments sur { $total } ne sont pas terminés :
launch_checklist_status_is = Statut : { $status }
launch_checklist_owner_is = Responsable : { $owner }
launch_checklist_pending_detail = ({ $status } ; responsable : { $owner })
launch_checklist_pending_detail_note = ({ $status } ; responsable : { $owner }) : { $note }

## La liste.
launch_checklist_checklist = Liste de contrôle
launch_checklist_no_items = Aucun élément enregistré.
launch_checklist_col_status = Statut
launch_checklist_col_item = Élément
launch_checklist_col_owner = Responsable
launch_checklist_col_note = Remarque
launch_checklist_status_done = terminé
launch_checklist_status_open = ouvert
launch_checklist_status_conditional = sous réserve
launch_checklist_status_blocked = bloqué

## Chantiers parallèles.
launch_checklist_tracks = Chantiers parallèles
launch_checklist_tracks_intro = La mise en service dépend aussi des autres travaux en cours dans le cadre de la mission.
launch_checklist_col_track = Chantier
launch_checklist_col_blocker = Point bloquant
launch_checklist_no_blocker = Aucun
launch_checklist_track_active = actif
launch_checklist_track_blocked = bloqué
launch_checklist_track_draft_only = brouillons uniquement
launch_checklist_track_done = terminé

## Phrase finale.
launch_checklist_closing = La mise en service n’a lieu que lorsque tous les éléments sont terminés et que la sécurité l’a approuvée.
