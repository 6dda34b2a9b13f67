# Checklist livegang (launch-checklist). Referentie: templates/locales/en-US/launch-checklist.ftl.

## Briefhoofd.
launch_checklist_letterhead = Checklist livegang
launch_checklist_number = Checklistnr.
launch_checklist_ref = Ref.
launch_checklist_date = Datum

## Voor wie, en de voortgang.
launch_checklist_prepared_for = Opgesteld voor
launch_checklist_launch_of = Livegang van { $workflow }
launch_checklist_prepared_by = Opgesteld door { $name }
launch_checklist_intro = Opgesteld voor { $client }: livegang van { $workflow }.
launch_checklist_prepared_by_sentence = Opgesteld door { $name }.
launch_checklist_progress = Voortgang
launch_checklist_progress_done = { $done } van { $total } gereed

## Wat de livegang tegenhoudt.
launch_checklist_what_blocks = Wat de livegang tegenhoudt
launch_checklist_nothing_blocks = Niets houdt de livegang tegen
launch_checklist_all_done = Alle punten op deze checklist zijn gereed.
launch_checklist_nothing_blocks_line = Niets houdt de livegang tegen: alle punten op deze checklist zijn gereed.
launch_checklist_pending_one = { $count } punt is niet gereed
launch_checklist_pending_other = { $count } punten zijn niet gereed
launch_checklist_pending_of_one = { $pending } van de { $total } punten is niet gereed:
launch_checklist_pending_of_other = { $pending } van de { $total } punten zijn niet gereed:
launch_checklist_status_is = Status: { $status }
launch_checklist_owner_is = Eigenaar: { $owner }
launch_checklist_pending_detail = ({ $status }; eigenaar: { $owner })
launch_checklist_pending_detail_note = ({ $status }; eigenaar: { $owner }): { $note }

## De checklist.
launch_checklist_checklist = Checklist
launch_checklist_no_items = Geen punten vastgelegd.
launch_checklist_col_status = Status
launch_checklist_col_item = Punt
launch_checklist_col_owner = Eigenaar
launch_checklist_col_note = Opmerking
launch_checklist_status_done = gereed
launch_checklist_status_open = open
launch_checklist_status_conditional = voorwaardelijk
launch_checklist_status_blocked = geblokkeerd

## Parallelle sporen.
launch_checklist_tracks = Parallelle sporen
launch_checklist_tracks_intro = De livegang wacht ook op het overige lopende werk binnen de opdracht.
launch_checklist_col_track = Spoor
launch_checklist_col_blocker = Belemmering
launch_checklist_no_blocker = Geen
launch_checklist_track_active = actief
launch_checklist_track_blocked = geblokkeerd
launch_checklist_track_draft_only = alleen concepten
launch_checklist_track_done = afgerond

## Slotzin.
launch_checklist_closing = De livegang vindt pas plaats wanneer alle punten gereed zijn en de beveiligingsgoedkeuring voor de livegang is verleend.
