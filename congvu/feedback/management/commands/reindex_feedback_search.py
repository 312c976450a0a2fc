from django.core.management.base import BaseCommand

from congvu.feedback import services


class Command(BaseCommand):
    help = (
        "Rebuild the search text of every feedback case (the sender's details apart, so that only the "
        "handling chain can search by them). Run once after upgrading; safe to run again."
    )

    def handle(self, *args, **options):
        count = services.reindex_search()
        self.stdout.write(f"{count} cases reindexed")
