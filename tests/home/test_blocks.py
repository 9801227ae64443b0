import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import ImageBlock
from home.demo_images import demo_image


@pytest.mark.django_db
@pytest.mark.parametrize("alt_text", ["IMG_2041.jpg", "workshop-photo.png", "FILE STEM"])
def test_alt_text_that_is_a_file_name_is_refused(alt_text):
    image = demo_image("Team day", "#1f4e5f")
    if alt_text == "FILE STEM":
        alt_text = image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": alt_text, "caption": ""}))
    assert "looks like the file's name" in str(error.value.block_errors["alt_text"].messages)


@pytest.mark.django_db
def test_descriptive_alt_text_is_accepted():
    image = demo_image("Team day", "#1f4e5f")
    block = ImageBlock()
    value = block.to_python(
        {"image": image.pk, "alt_text": "Six people laughing at a workshop", "caption": ""}
    )
    assert block.clean(value)["alt_text"] == "Six people laughing at a workshop"
