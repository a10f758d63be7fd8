from django.urls import path

from . import views

urlpatterns = [
    path("skills/", views.skill_list, name="skill_list"),
    path("skills/<slug:slug>/", views.skill_tag, name="skill_tag"),
    path("topics/<slug:slug>/", views.topic_tag, name="topic_tag"),
    path("untranslated/<int:page_id>/", views.untranslated_page, name="untranslated_page"),
]
