"""Which of Wagtail's reports each group sees in the Reports menu.

Wagtail lists its reports to everyone who may edit any page. Here each group
sees only those it works with: Moderators the reports for reviewing and
approving pages (pages in moderation and their tasks, locked pages, aging
pages, the site history); Editors where their own pages stand in moderation;
"Page types usage" is for superusers only. Reports our apps add decide for
themselves (each menu item's ``is_shown``). Hiding an item does not change
who may open a report's address; the reports check permissions themselves.
"""

WAGTAIL_REPORTS = {
    "locked-pages": {"Moderators"},
    "workflows": {"Moderators", "Editors"},
    "workflow-tasks": {"Moderators"},
    "site-history": {"Moderators"},
    "aging-pages": {"Moderators"},
    "page-types-usage": set(),
    "search-terms": set(),
}


def show_each_group_its_reports(request, menu_items):
    user = request.user
    if user.is_superuser:
        return
    groups = set(user.groups.values_list("name", flat=True))
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in WAGTAIL_REPORTS or WAGTAIL_REPORTS[item.name] & groups
    ]
