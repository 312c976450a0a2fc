"""The JSON API (django-ninja), OpenAPI at /api/v1/openapi.json. Each app contributes a router in api.py."""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from congvu.core.plugins import app_modules

api = NinjaAPI(title="congvu API", version="1", urls_namespace="api")


def mount_app_routers() -> None:
    """Every app's `api.py` router, at /api/v1/<API_PREFIX or the app label>/."""
    for module in app_modules("api"):
        api.add_router(getattr(module, "API_PREFIX", f"/{module.app_label}"), module.router)


mount_app_routers()


@api.exception_handler(ValidationError)
def validation_failed(request, exc):
    return api.create_response(request, {"detail": exc.errors}, status=422)


@api.exception_handler(AuthenticationError)
def not_authenticated(request, exc):
    return api.create_response(
        request, {"detail": "Chưa đăng nhập hoặc khóa truy cập không hợp lệ."}, status=401
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


@api.exception_handler(HttpError)
def http_error(request, exc):
    # django-ninja answers a body that is not JSON with 400 and an English sentence; a client (a kiosk,
    # a partner system) gets the same 422 shape as for any other bad body, in Vietnamese.
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        detail = [
            {"loc": ["body"], "msg": "Nội dung gửi lên không phải JSON hợp lệ.", "type": "json_invalid"}
        ]
        return api.create_response(request, {"detail": detail}, status=422)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
