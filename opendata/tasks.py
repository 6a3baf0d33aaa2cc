from django.tasks import task

from opendata.databank_files import write_databank_files


@task
def write_databank_files_later():
    write_databank_files()
