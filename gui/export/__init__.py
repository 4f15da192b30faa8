"""What the person takes away: the checklist PDF, printing, the calendar reminder.

Everything here renders one Assessment; nothing recomputes a rule.
"""
