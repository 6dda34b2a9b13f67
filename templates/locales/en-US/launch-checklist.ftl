# Launch readiness checklist (templates/launch-checklist.md and launch-checklist.typ): what
# stands between the client and launch. Reference locale: every other locale has each
# message here.

## Letterhead and title block.
launch_checklist_letterhead = Launch Checklist
launch_checklist_number = Checklist no.
launch_checklist_ref = Ref.
launch_checklist_date = Date

## Who it is for, and progress.
launch_checklist_prepared_for = Prepared for
launch_checklist_launch_of = Launch of { $workflow }
launch_checklist_prepared_by = Prepared by { $name }
# The Markdown's opening line, and the sentence after it when someone prepared the checklist.
launch_checklist_intro = Prepared for { $client }: launch of { $workflow }.
launch_checklist_prepared_by_sentence = Prepared by { $name }.
launch_checklist_progress = Progress
# The count done is printed large, the rest of the message small.
launch_checklist_progress_done = { $done } of { $total } done

## What blocks launch.
launch_checklist_what_blocks = What blocks launch
launch_checklist_nothing_blocks = Nothing blocks launch
launch_checklist_all_done = Every item on this checklist is done.
launch_checklist_nothing_blocks_line = Nothing blocks launch: every item on this checklist is done.
launch_checklist_pending_one = { $count } item is not done
launch_checklist_pending_other = { $count } items are not done
# The Markdown's count: `_one` when one item is not done (English says "1 of 5 items are not
# done" either way).
launch_checklist_pending_of_one = { $pending } of { $total } items are not done:
launch_checklist_pending_of_other = { $pending } of { $total } items are not done:
launch_checklist_status_is = Status: { $status }
launch_checklist_owner_is = Owner: { $owner }
launch_checklist_pending_detail = ({ $status }; owner: { $owner })
launch_checklist_pending_detail_note = ({ $status }; owner: { $owner }): { $note }

## The checklist.
launch_checklist_checklist = Checklist
launch_checklist_no_items = No items recorded.
launch_checklist_col_status = Status
launch_checklist_col_item = Item
launch_checklist_col_owner = Owner
launch_checklist_col_note = Note
# An item's status as the checklist writes it (any other status is printed as written).
launch_checklist_status_done = done
launch_checklist_status_open = open
launch_checklist_status_conditional = conditional
launch_checklist_status_blocked = blocked

## Parallel tracks.
launch_checklist_tracks = Parallel tracks
launch_checklist_tracks_intro = Launch also waits on the engagement's other work in progress.
launch_checklist_col_track = Track
launch_checklist_col_blocker = Blocker
launch_checklist_no_blocker = None
# A track's status (the PDF's badge prints a hyphen as a space).
launch_checklist_track_active = active
launch_checklist_track_blocked = blocked
launch_checklist_track_draft_only = draft-only
launch_checklist_track_done = done

## Closing line.
launch_checklist_closing = Launch happens only when every item is done and security has approved launch.
