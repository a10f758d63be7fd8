from django.urls import path

from . import views

urlpatterns = [
    path("skills/", views.skill_list, name="skill_list"),
    path("skills/<slug:slug>/", views.skill_tag, name="skill_tag"),
    path("topics/<slug:slug>/", views.topic_tag, name="topic_tag"),
    path("untranslated/<int:page_id>/", views.untranslated_page, name="untranslated_page"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/catalogue.jsonld", views.open_data_catalogue, name="open_data_catalogue"),
    path("<path:index_path>download.<str:fmt>", views.listing_download, name="listing_download"),
]
